package dev.recruitdesk.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The command line, parsed: what to do and on which home folder ({@code importFile} for {@code --import-slots}). */
public record LaunchOptions(Mode mode, Path home, Path importFile) {

    /** What the process was started to do. */
    public enum Mode { CONSOLE, HEADLESS, SELF_TEST, IMPORT_SLOTS, VERSION, HELP }

    public LaunchOptions(Mode mode, Path home) {
        this(mode, home, null);
    }

    public static final String USAGE = String.join("\n",
            "Usage: recruitdesk [options]",
            "",
            "  (no option)     start the console window",
            "  --headless      run the delivery service and the bot without a window",
            "  --self-test     open the configuration and the database, print one line and exit",
            "  --import-slots FILE  publish the slots of a CSV file (date,time,duration,place_or_link), all or none",
            "  --home DIR      home folder (default: $RECRUITDESK_HOME or ~/.recruitdesk)",
            "  --version       print the version and exit",
            "  --help          print this text and exit");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user on bad input. */
    public static LaunchOptions parse(String[] args, Map<String, String> env) {
        Mode mode = Mode.CONSOLE;
        Path home = null;
        Path importFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> mode = Mode.HELP;
                case "--version" -> mode = mode == Mode.HELP ? mode : Mode.VERSION;
                case "--headless" -> mode = pick(mode, Mode.HEADLESS);
                case "--self-test" -> mode = pick(mode, Mode.SELF_TEST);
                case "--import-slots" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("--import-slots needs a CSV file");
                    }
                    importFile = Path.of(args[++i]);
                    mode = pick(mode, Mode.IMPORT_SLOTS);
                }
                case "--home" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException("--home needs a folder");
                    }
                    home = Path.of(args[++i]);
                }
                default -> {
                    if (a.startsWith("--home=")) {
                        home = Path.of(a.substring("--home=".length()));
                    } else {
                        throw new IllegalArgumentException("Unknown option: " + a);
                    }
                }
            }
        }
        return new LaunchOptions(mode, home != null ? home : defaultHome(env), importFile);
    }

    private static Mode pick(Mode current, Mode wanted) {
        return current == Mode.HELP || current == Mode.VERSION ? current : wanted;
    }

    static Path defaultHome(Map<String, String> env) {
        return Optional.ofNullable(env.get("RECRUITDESK_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".recruitdesk"));
    }
}
