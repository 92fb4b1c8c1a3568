package dev.recruitdesk.app;

import dev.recruitdesk.store.DataFolderLock;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.telegram.CallbackCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root. Building it is cheap (home folder and configuration only), so the window can open at
 * once; {@link #openBackend()} does the slow part (database, services) and is called off the FX thread.
 */
public final class AppContext {

    private static final Logger log = LoggerFactory.getLogger(AppContext.class);

    private final Path home;
    private final Config config;
    private final Clock clock;
    private DataFolderLock lock;

    /** Without a bot token (sandbox mode) the clock becomes a {@link ShiftableClock} the simulator can move forward. */
    public AppContext(Path home, Config config, Clock clock) {
        this.home = Objects.requireNonNull(home);
        this.config = Objects.requireNonNull(config);
        Objects.requireNonNull(clock);
        this.clock = config.get(Config.Key.TELEGRAM_TOKEN).isEmpty() && !(clock instanceof ShiftableClock) ? new ShiftableClock(clock) : clock;
    }

    /** The log's first line of a start; the first logger, so it also sets up logging (see {@link LogConfigurator}). */
    static void logStart(Path home, LaunchOptions.Mode mode) {
        log.info("start version={} mode={} home={}", Version.get(), mode, home);
    }

    /** Reads the configuration of {@code home}, creating the folder and a default file on first run. */
    public static AppContext forHome(Path home, Clock clock) {
        Config config = Config.load(home);
        config.problems().forEach(p -> log.warn("config.problem {}", p));
        return new AppContext(home, config, clock);
    }

    public Path home() {
        return home;
    }

    public Config config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /** The clock the candidate simulator moves forward; present in sandbox mode only. */
    public Optional<ShiftableClock> shiftableClock() {
        return clock instanceof ShiftableClock shiftable ? Optional.of(shiftable) : Optional.empty();
    }

    public Path dataFolder() {
        return home.resolve("data");
    }

    /** The embedded H2 file in {@code data/}, unless {@code db.url} names another database. */
    public DatabaseSettings databaseSettings() {
        Optional<String> url = config.get(Config.Key.DB_URL);
        return url.map(u -> DatabaseSettings.external(u,
                        config.get(Config.Key.DB_USER).orElse(""), config.get(Config.Key.DB_PASSWORD).orElse("")))
                .orElseGet(() -> DatabaseSettings.embedded(dataFolder()));
    }

    /**
     * Locks the data folder of the embedded database (milliseconds, so the launcher does it before any window):
     * a second console on the same folder stops here with a clear message. A no-op for an external database.
     */
    public synchronized void lockDataFolder() {
        if (lock == null && databaseSettings().isEmbedded()) {
            lock = DataFolderLock.acquire(dataFolder());
        }
    }

    /**
     * The signer of the bot's buttons under {@code telegram.callbackKey}; on first use a random key is generated
     * and written to the (owner-only) settings file. The key is never logged.
     */
    public synchronized CallbackCodec callbackCodec() {
        String key = config.get(Config.Key.TELEGRAM_CALLBACK_KEY).orElse(null);
        if (key == null) {
            key = CallbackCodec.generateKey();
            config.put(Config.Key.TELEGRAM_CALLBACK_KEY, key);
            log.info("config.generated key={}", Config.Key.TELEGRAM_CALLBACK_KEY.name);
        }
        return CallbackCodec.fromBase64Key(key);
    }

    /** Opens the database and builds the services; slow, so never on the FX thread. */
    public Backend openBackend() {
        return openBackend(false);
    }

    /**
     * The console's {@link #openBackend()}: returns once the database is open and migrated, with Hibernate still
     * booting in the background (see {@link dev.recruitdesk.store.Database#openBootingInBackground}); the first
     * week is read without it.
     */
    public Backend openConsoleBackend() {
        return openBackend(true);
    }

    private synchronized Backend openBackend(boolean bootInBackground) {
        DatabaseSettings settings = databaseSettings();
        lockDataFolder();
        try {
            return Backend.open(this, settings, lock, bootInBackground);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
                lock = null;
            }
            throw e;
        }
    }
}
