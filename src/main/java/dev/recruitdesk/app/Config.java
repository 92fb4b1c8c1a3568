package dev.recruitdesk.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The home folder's {@code recruitdesk.properties}: known keys, validated values, secrets masked in any text. */
public final class Config {

    public static final String FILE_NAME = "recruitdesk.properties";

    /** Every key the file may hold, with its check. */
    public enum Key {
        TELEGRAM_TOKEN("telegram.token", true, Check.ANY),
        TELEGRAM_API_URL("telegram.apiUrl", false, Check.URL),
        TELEGRAM_CALLBACK_KEY("telegram.callbackKey", true, Check.ANY),
        /** Team mode: the AES-256 key (base64 of 32 bytes) of the secrets kept in the database; same on every console. */
        SECRETS_KEY("secrets.key", true, Check.KEY_32_BYTES),
        DB_URL("db.url", false, Check.JDBC_URL),
        DB_USER("db.user", false, Check.ANY),
        DB_PASSWORD("db.password", true, Check.ANY),
        UI_LANGUAGE("ui.language", false, Check.LANGUAGE),
        UI_THEME("ui.theme", false, Check.THEME),
        DELIVERY_RATE("delivery.ratePerSecond", false, Check.POSITIVE_NUMBER),
        BOOKING_AUTO_APPROVE("booking.autoApprove", false, Check.BOOLEAN),
        BOOKING_CHANGE_CUTOFF_MINUTES("booking.changeCutoffMinutes", false, Check.NON_NEGATIVE_INTEGER),
        BOOKING_MIN_NOTICE_MINUTES("booking.minNoticeMinutes", false, Check.MINUTES),
        BOOKING_HORIZON_DAYS("booking.horizonDays", false, Check.DAYS);

        public final String name;
        public final boolean secret;
        final Check check;

        Key(String name, boolean secret, Check check) {
            this.name = name;
            this.secret = secret;
            this.check = check;
        }

        /** Why {@code value} is refused for this key, in plain English, or {@code null} when it is fine. */
        public String problem(String value) {
            return check.problem(value);
        }

        static Optional<Key> byName(String name) {
            for (Key k : values()) {
                if (k.name.equals(name)) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
    }

    enum Check {
        ANY, URL, JDBC_URL, LANGUAGE, THEME, POSITIVE_NUMBER, BOOLEAN, NON_NEGATIVE_INTEGER, MINUTES, DAYS, KEY_32_BYTES;

        private static final String KEY_HINT = "must be base64 of 32 bytes (recruitdesk --generate-secrets-key prints one)";

        String problem(String value) {
            switch (this) {
                case URL:
                    return value.startsWith("http://") || value.startsWith("https://") ? null : "must start with http:// or https://";
                case JDBC_URL:
                    return value.startsWith("jdbc:h2:") || value.startsWith("jdbc:postgresql:") ? null : "must be a jdbc:h2: or jdbc:postgresql: URL";
                case LANGUAGE:
                    return value.equals("ru") || value.equals("en") ? null : "must be ru or en";
                case THEME:
                    return value.equals("light") || value.equals("dark") ? null : "must be light or dark";
                case POSITIVE_NUMBER:
                    try {
                        return Double.parseDouble(value) > 0 ? null : "must be a number above 0";
                    } catch (NumberFormatException e) {
                        return "must be a number above 0";
                    }
                case BOOLEAN:
                    return value.equals("true") || value.equals("false") ? null : "must be true or false";
                case MINUTES:
                    return wholeNumber(value, 0, 60 * 24 * 30) ? null : "must be whole minutes from 0 to 43200";
                case DAYS:
                    return wholeNumber(value, 1, 365) ? null : "must be whole days from 1 to 365";
                case KEY_32_BYTES:
                    try {
                        return Base64.getDecoder().decode(value).length == 32 ? null : KEY_HINT;
                    } catch (IllegalArgumentException e) {
                        return KEY_HINT;
                    }
                case NON_NEGATIVE_INTEGER:
                    return value.matches("[0-9]{1,6}") ? null : "must be a whole number from 0 to 999999";
                default:
                    return null;
            }
        }

        private static boolean wholeNumber(String value, int min, int max) {
            try {
                int n = Integer.parseInt(value);
                return n >= min && n <= max;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** One problem found in the file, with the line it is on. */
    public record Problem(int line, String key, String message) {
        @Override
        public String toString() {
            return FILE_NAME + " line " + line + ": " + (key.isEmpty() ? "" : key + " ") + message;
        }
    }

    private final Path file;
    private final Map<Key, String> values;
    private final List<Problem> problems;

    private Config(Path file, Map<Key, String> values, List<Problem> problems) {
        this.file = file;
        this.values = values;
        this.problems = problems;
    }

    /** Reads the file in {@code home}, creating it (0600) with commented defaults when it is missing. */
    public static Config load(Path home) {
        Path file = home.resolve(FILE_NAME);
        try {
            Files.createDirectories(home);
            if (Files.notExists(file)) {
                writeDefaults(file);
            }
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static Config parse(Path file, List<String> lines) {
        Map<Key, String> values = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                problems.add(new Problem(lineNo, "", "is not of the form key=value"));
                continue;
            }
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            Optional<Key> key = Key.byName(name);
            if (key.isEmpty()) {
                problems.add(new Problem(lineNo, name, "is not a known key"));
                continue;
            }
            if (value.isEmpty()) {
                continue;
            }
            String problem = key.get().check.problem(value);
            if (problem != null) {
                problems.add(new Problem(lineNo, name, problem + " (found '" + mask(key.get(), value) + "')"));
                continue;
            }
            values.put(key.get(), value);
        }
        return new Config(file, values, Collections.unmodifiableList(problems));
    }

    private static void writeDefaults(Path file) throws IOException {
        String text = String.join("\n",
                "# RecruitDesk settings. Values here win over the console's Settings at start-up.",
                "# telegram.token=123456:ABC...   (empty: sandbox mode with a built-in fake Telegram)",
                "# telegram.apiUrl=https://api.telegram.org/bot",
                "# db.url=jdbc:postgresql://host:5432/recruitdesk   (empty: embedded database in data/)",
                "# db.user=",
                "# db.password=",
                "# ui.language=ru",
                "# ui.theme=light",
                "# booking.autoApprove=false   (true: a candidate's request is approved at once)",
                "# booking.changeCutoffMinutes=120   (candidates cannot reschedule or cancel later than this before the interview)",
                "");
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public Path file() {
        return file;
    }

    public List<Problem> problems() {
        return problems;
    }

    public Optional<String> get(Key key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * Sets a key and rewrites the file in place: the key's existing line is replaced, or a line is appended.
     * Other lines, comments included, stay as they are.
     */
    public synchronized void put(Key key, String value) {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            String entry = key.name + "=" + value;
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0 && line.substring(0, eq).strip().equals(key.name)) {
                    lines.set(i, entry);
                    replaced = true;
                }
            }
            if (!replaced) {
                lines.add(entry);
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
            values.put(key, value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sets several keys at once: every value is checked first and nothing is written when one is refused; then the
     * file is rewritten once. An empty value removes the key's value (the line stays, as {@code key=}).
     *
     * @throws IllegalArgumentException naming the first refused key and why
     */
    public synchronized void putAll(Map<Key, String> changes) {
        for (Map.Entry<Key, String> e : changes.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            String problem = value.isEmpty() ? null : e.getKey().check.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(e.getKey().name + " " + problem);
            }
        }
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            for (Map.Entry<Key, String> e : changes.entrySet()) {
                Key key = e.getKey();
                String value = e.getValue() == null ? "" : e.getValue().strip();
                String entry = key.name + "=" + value;
                boolean replaced = false;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    int eq = line.indexOf('=');
                    if (!line.startsWith("#") && eq > 0 && line.substring(0, eq).strip().equals(key.name)) {
                        lines.set(i, entry);
                        replaced = true;
                    }
                }
                if (!replaced) {
                    lines.add(entry);
                }
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        changes.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                values.remove(key);
            } else {
                values.put(key, value.strip());
            }
        });
    }

    /** The value as it may appear in logs and on screen: secrets keep only their last four characters. */
    public static String mask(Key key, String value) {
        if (!key.secret || value == null) {
            return value;
        }
        return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
    }

    /** A one-line description of the configuration with secrets masked. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k.name).append('=').append(mask(k, v)));
        return sb.length() == 0 ? "(defaults)" : sb.toString();
    }
}
