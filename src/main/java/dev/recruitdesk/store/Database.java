package dev.recruitdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open database: a connection pool, a schema owned by Flyway, and a Hibernate session factory that only
 * validates that schema. One per process. The console opens it with Hibernate booting in the background
 * ({@link #openBootingInBackground}): Hibernate's boot was the larger part of the wait for the first week on screen,
 * and that week is read with plain SQL ({@link #jdbc}); everything else that needs Hibernate waits for it.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Where Flyway finds the schema's migrations; the same for H2 and PostgreSQL. */
    static final String MIGRATIONS = "classpath:db/migration";
    /** H2's "Database may be already in use" (90020). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final CompletableFuture<SessionFactory> sessionFactory;
    private final HibernateBoot pendingBoot;
    private final AtomicBoolean bootStarted = new AtomicBoolean();
    private final int appliedMigrations;

    /** Boots Hibernate and completes the session factory's future, with the factory or the failure. */
    private interface HibernateBoot extends Runnable {
    }

    private Database(DatabaseSettings settings, HikariDataSource dataSource, CompletableFuture<SessionFactory> sessionFactory,
                     HibernateBoot pendingBoot, int appliedMigrations) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.pendingBoot = pendingBoot;
        this.appliedMigrations = appliedMigrations;
    }

    /** Opens the pool, migrates the schema and boots Hibernate; closes what it opened if any step fails. */
    public static Database open(DatabaseSettings settings) {
        return open(settings, false);
    }

    /**
     * Opens the pool and migrates the schema, and returns before Hibernate boots: it boots on a thread of its own
     * from {@link #bootInBackground()} or the first use of {@link #sessionFactory()} (every {@link #inTransaction}),
     * which waits for it; {@link #jdbc} does not. A boot failure surfaces at every use.
     */
    public static Database openBootingInBackground(DatabaseSettings settings) {
        return open(settings, true);
    }

    private static Database open(DatabaseSettings settings, boolean background) {
        long started = System.nanoTime();
        HikariDataSource ds = pool(settings);
        try {
            int applied = 0;
            String flyway = "skipped-current";
            if (!MigrationCheck.isCurrent(ds)) {
                MigrateResult migrated = Flyway.configure()
                        .dataSource(ds)
                        .locations(MIGRATIONS)
                        .load()
                        .migrate();
                applied = migrated.migrationsExecuted;
                flyway = "migrated";
            }
            long migratedAt = System.nanoTime();
            log.info("db.open location={} migrationsApplied={} flyway={} migrationMs={}", settings.location(),
                    applied, flyway, (migratedAt - started) / 1_000_000);
            CompletableFuture<SessionFactory> sf = new CompletableFuture<>();
            HibernateBoot boot = () -> {
                long bootStarted = System.nanoTime();
                try {
                    sf.complete(sessionFactory(ds));
                    log.info("db.hibernate ms={} background={}", (System.nanoTime() - bootStarted) / 1_000_000, background);
                } catch (RuntimeException | Error e) {
                    log.error("db.hibernate failed", e);
                    sf.completeExceptionally(e);
                }
            };
            if (!background) {
                boot.run();
                if (sf.isCompletedExceptionally()) {
                    sf.join(); // rethrows the boot's failure; the pool is closed below
                }
            }
            return new Database(settings, ds, sf, background ? boot : null, applied);
        } catch (CompletionException e) {
            ds.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(settings.url());
        hc.setUsername(settings.user());
        hc.setPassword(settings.password());
        hc.setPoolName("recruitdesk-db");
        hc.setMaximumPoolSize(settings.isPostgres() ? 8 : 6);
        hc.setMinimumIdle(1);
        hc.setAutoCommit(false);
        hc.setInitializationFailTimeout(-1);
        HikariDataSource ds = new HikariDataSource(hc);
        try (Connection ignored = ds.getConnection()) {
            return ds;
        } catch (SQLException e) {
            ds.close();
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN && settings.isEmbedded()) {
                throw new DatabaseInUseException(DataFolderLock.alreadyRunning(settings.embeddedFolder(), ""));
            }
            throw new IllegalStateException("Cannot connect to " + settings.location() + ": " + e.getMessage(), e);
        }
    }

    private static SessionFactory sessionFactory(DataSource ds) {
        return new HibernatePersistenceConfiguration("recruitdesk")
                .managedClasses(Entities.ALL)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, ds)
                .schemaToolingAction(Action.VALIDATE)
                .property(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .property(AvailableSettings.ORDER_INSERTS, true)
                .property(AvailableSettings.ORDER_UPDATES, true)
                .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                // start-up: the entities are listed and annotated, so no orm.xml lookup (JAXB) and no Bean Validation probe
                .property(AvailableSettings.XML_MAPPING_ENABLED, false)
                .property(AvailableSettings.JAKARTA_VALIDATION_MODE, "NONE")
                // no ByteBuddy proxies or accessor classes: the entities have no associations to load lazily
                .property(NoBytecodeProvider.SETTING, true)
                .createEntityManagerFactory();
    }

    /** Runs {@code work} in a transaction and returns its result; rolls back on any exception. */
    public <T> T inTransaction(Function<Session, T> work) {
        return sessionFactory().fromTransaction(work);
    }

    public void run(Consumer<Session> work) {
        sessionFactory().inTransaction(work);
    }

    /**
     * Starts Hibernate's boot on a thread of its own, once; a no-op when it booted in {@link #open}. The console calls
     * it when its first week is on screen: booting while the window and the first screen were built doubled their
     * time on a 2-core machine (installer/bench-startup.sh).
     */
    public void bootInBackground() {
        if (pendingBoot != null && bootStarted.compareAndSet(false, true)) {
            Thread thread = new Thread(pendingBoot, "recruitdesk-orm-boot");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether Hibernate's boot has started (or is done): false only on a database opened booting in the background. */
    public boolean hibernateStarted() {
        return pendingBoot == null || bootStarted.get();
    }

    /** The session factory; starts Hibernate's boot if nothing did yet and waits for it; throws what its boot threw. */
    public SessionFactory sessionFactory() {
        bootInBackground();
        try {
            return sessionFactory.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause
                    : new IllegalStateException("Hibernate could not start: " + e.getCause(), e.getCause());
        }
    }

    /** Plain-SQL work on a pooled connection (not waiting for Hibernate). */
    @FunctionalInterface
    public interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} with plain SQL in a transaction of its own (commit on return, roll back on a throw), without
     * waiting for Hibernate: for the reads the console shows first.
     */
    public <T> T jdbc(JdbcWork<T> work) {
        try {
            return inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Database read failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a connection of {@code dataSource} in its own transaction: commit on return, roll back on a throw. */
    public static <T> T inTransaction(DataSource dataSource, JdbcWork<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    public int appliedMigrations() {
        return appliedMigrations;
    }

    /** The database product and version, for --self-test and the about box. */
    public String productVersion() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (pendingBoot != null && bootStarted.compareAndSet(false, true)) {
                sessionFactory.completeExceptionally(new IllegalStateException("The database is closed"));
            } else {
                sessionFactory.join().close(); // a boot still running is waited for, so nothing outlives the pool
            }
        } catch (CompletionException bootFailed) {
            // nothing was opened
        }
        dataSource.close();
        log.info("db.closed location={}", settings.location());
    }
}
