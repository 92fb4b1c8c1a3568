package dev.recruitdesk.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
 * validates that schema. One per process.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);
    /** Where Flyway finds the schema's migrations; the same for H2 and PostgreSQL. */
    static final String MIGRATIONS = "classpath:db/migration";
    /** H2's "Database may be already in use" (90020). */
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private final DatabaseSettings settings;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final int appliedMigrations;

    private Database(DatabaseSettings settings, HikariDataSource dataSource, SessionFactory sessionFactory, int appliedMigrations) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.appliedMigrations = appliedMigrations;
    }

    /** Opens the pool, migrates the schema and boots Hibernate; closes what it opened if any step fails. */
    public static Database open(DatabaseSettings settings) {
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
            SessionFactory sf = sessionFactory(ds);
            long now = System.nanoTime();
            log.info("db.open location={} migrationsApplied={} flyway={} ms={} migrationMs={} hibernateMs={}", settings.location(),
                    applied, flyway, (now - started) / 1_000_000, (migratedAt - started) / 1_000_000, (now - migratedAt) / 1_000_000);
            return new Database(settings, ds, sf, applied);
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
        return sessionFactory.fromTransaction(work);
    }

    public void run(Consumer<Session> work) {
        sessionFactory.inTransaction(work);
    }

    public SessionFactory sessionFactory() {
        return sessionFactory;
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
        sessionFactory.close();
        dataSource.close();
        log.info("db.closed location={}", settings.location());
    }
}
