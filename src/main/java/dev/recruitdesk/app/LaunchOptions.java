package dev.recruitdesk.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The command line, parsed: what to do and on which home folder.
 *
 * @param migrateTarget the PostgreSQL URL of {@code --migrate-to}, or {@code null}
 * @param dbUser        {@code --db-user}, or {@code null} (then the config's {@code db.user})
 * @param dbPassword    {@code --db-password}, or {@code null} (then the config's {@code db.password})
 * @param importFile    the CSV file of {@code --import-slots}, or {@code null}
 */
public record LaunchOptions(Mode mode, Path home, String migrateTarget, String dbUser, String dbPassword, Path importFile) {

    /** What the process was started to do. */
    public enum Mode { CONSOLE, HEADLESS, SELF_TEST, MIGRATE, IMPORT_SLOTS, GENERATE_SECRETS_KEY, VERSION, HELP }

    public LaunchOptions(Mode mode, Path home) {
        this(mode, home, null, null, null, null);
    }

    public static final String USAGE = String.join("\n",
            "Usage: recruitdesk [options]",
            "",
            "  (no option)     start the console window",
            "  --headless      run the delivery service and the bot without a window",
            "  --self-test     open the configuration and the database, print one line and exit",
            "  --migrate-to URL  copy the embedded database of the home folder into an empty PostgreSQL",
            "                  database (jdbc:postgresql://host:5432/name), print a summary and exit",
            "  --db-user NAME, --db-password SECRET",
            "                  credentials for --migrate-to (default: db.user and db.password of the config)",
            "  --import-slots FILE  publish the slots of a CSV file (date,time,duration,place_or_link), all or none",
            "  --generate-secrets-key  print a new team secrets.key (once) for every console's " + Config.FILE_NAME,
            "  --home DIR      home folder (default: $RECRUITDESK_HOME or ~/.recruitdesk)",
            "  --version       print the version and exit",
            "  --help          print this text and exit");

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user on bad input. */
    public static LaunchOptions parse(String[] args, Map<String, String> env) {
        Mode mode = Mode.CONSOLE;
        Path home = null;
        String migrateTarget = null;
        String dbUser = null;
        String dbPassword = null;
        Path importFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> mode = Mode.HELP;
                case "--version" -> mode = mode == Mode.HELP ? mode : Mode.VERSION;
                case "--headless" -> mode = pick(mode, Mode.HEADLESS);
                case "--self-test" -> mode = pick(mode, Mode.SELF_TEST);
                case "--generate-secrets-key" -> mode = pick(mode, Mode.GENERATE_SECRETS_KEY);
                case "--home" -> home = Path.of(value(args, i++, "a folder"));
                case "--migrate-to" -> {
                    migrateTarget = value(args, i++, "a jdbc:postgresql: URL");
                    if (!migrateTarget.startsWith("jdbc:postgresql:")) {
                        throw new IllegalArgumentException("--migrate-to needs a jdbc:postgresql: URL, not " + migrateTarget);
                    }
                    mode = pick(mode, Mode.MIGRATE);
                }
                case "--import-slots" -> {
                    importFile = Path.of(value(args, i++, "a CSV file"));
                    mode = pick(mode, Mode.IMPORT_SLOTS);
                }
                case "--db-user" -> dbUser = value(args, i++, "a user name");
                case "--db-password" -> dbPassword = value(args, i++, "a password");
                default -> {
                    if (a.startsWith("--home=")) {
                        home = Path.of(a.substring("--home=".length()));
                    } else {
                        throw new IllegalArgumentException("Unknown option: " + a);
                    }
                }
            }
        }
        if ((dbUser != null || dbPassword != null) && mode != Mode.MIGRATE && mode != Mode.HELP && mode != Mode.VERSION) {
            throw new IllegalArgumentException("--db-user and --db-password go with --migrate-to; consoles read db.user and "
                    + "db.password from " + Config.FILE_NAME);
        }
        return new LaunchOptions(mode, home != null ? home : defaultHome(env), migrateTarget, dbUser, dbPassword, importFile);
    }

    private static String value(String[] args, int i, String what) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[i] + " needs " + what);
        }
        return args[i + 1];
    }

    private static Mode pick(Mode current, Mode wanted) {
        return current == Mode.HELP || current == Mode.VERSION ? current : wanted;
    }

    static Path defaultHome(Map<String, String> env) {
        return Optional.ofNullable(env.get("RECRUITDESK_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".recruitdesk"));
    }
}
