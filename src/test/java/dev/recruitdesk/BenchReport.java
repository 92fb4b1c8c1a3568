package dev.recruitdesk;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What every benchmark records beside its figures: the machine's load, and its JSON file under {@code target/bench}. */
public final class BenchReport {

    private BenchReport() {
    }

    /** The 1-minute load average and the core count, as the benchmarks print it before and after a run. */
    public static String load() {
        return String.format(Locale.ROOT, "load average %.2f (1 min) on %d cores",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    }

    /** Writes {@code target/bench/<name>.json}: time and cores first, then {@code fields} in their order. */
    public static Path write(String name, Map<String, Object> fields) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("timestamp", Instant.now().toString());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.putAll(fields);
        Path file = Path.of("target", "bench", name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json));
        System.out.println("written " + file.toAbsolutePath());
        return file;
    }
}
