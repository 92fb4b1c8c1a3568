package dev.recruitdesk.app;

import dev.recruitdesk.store.DatabaseCopy;
import dev.recruitdesk.store.DatabaseSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --migrate-to URL}: copies the home folder's embedded database into an empty PostgreSQL database, prints a
 * per-table summary and how to point the consoles at it. The data folder stays locked meanwhile, so no console
 * writes to the source during the copy; the source is only read.
 */
final class MigrateCommand {

    private static final Logger log = LoggerFactory.getLogger(MigrateCommand.class);

    private MigrateCommand() {
    }

    static int run(AppContext context, LaunchOptions options, PrintStream out, PrintStream err) {
        String user = options.dbUser() != null ? options.dbUser() : context.config().get(Config.Key.DB_USER).orElse("");
        String password = options.dbPassword() != null ? options.dbPassword()
                : context.config().get(Config.Key.DB_PASSWORD).orElse("");
        DatabaseSettings target = DatabaseSettings.external(options.migrateTarget(), user, password);
        DatabaseSettings source = DatabaseSettings.embedded(context.dataFolder());
        if (Files.notExists(context.dataFolder().resolve("recruitdesk.mv.db"))) {
            err.println("Nothing to migrate: there is no embedded database in " + context.dataFolder());
            return Main.EXIT_FAILURE;
        }
        context.lockDataFolder();
        log.info("migrate.start source={} target={}", source.location(), target.location());
        List<DatabaseCopy.TableCount> counts;
        try {
            counts = DatabaseCopy.copy(source, target);
        } catch (DatabaseCopy.TargetNotEmptyException e) {
            log.warn("migrate.refused reason={}", e.getMessage());
            err.println("Migration refused: " + e.getMessage());
            return Main.EXIT_TARGET_NOT_EMPTY;
        } catch (RuntimeException e) {
            log.error("migrate.failed", e);
            err.println("Migration failed: " + e.getMessage());
            return Main.EXIT_FAILURE;
        }
        out.println("Copied " + source.location() + " to " + target.location() + ":");
        out.printf("  %-24s %10s %10s%n", "table", "source", "target");
        long total = 0;
        for (DatabaseCopy.TableCount t : counts) {
            out.printf("  %-24s %10d %10d%n", t.table(), t.source(), t.target());
            total += t.target();
        }
        out.println("All " + counts.size() + " tables match (" + total + " rows). The embedded database is unchanged.");
        out.println();
        out.println("To point a console at it, put these lines in its " + Config.FILE_NAME
                + " (or enter them in Settings), then restart it:");
        out.println("  db.url=" + options.migrateTarget());
        out.println("  db.user=" + user);
        out.println("  db.password=" + (password.isEmpty() ? "" : "<the password>"));
        out.println("One console at a time then sends the bot's messages; the others take over if it stops.");
        log.info("migrate.done tables={} rows={}", counts.size(), total);
        return 0;
    }
}
