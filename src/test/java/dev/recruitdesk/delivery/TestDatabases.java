package dev.recruitdesk.delivery;

import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** Databases for delivery tests: a real H2 file in a temp folder, or a fresh database on one embedded PostgreSQL. */
final class TestDatabases {

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    static Database h2File(Path folder) {
        return Database.open(DatabaseSettings.embedded(folder));
    }

    /** A new, empty PostgreSQL database (the server starts once per test JVM and stops with it). */
    static synchronized Database postgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting; the temp cluster is removed by zonky's cleaner on the next start
                    }
                }));
            }
            String name = "delivery_" + databases.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE " + name);
            }
            return Database.open(DatabaseSettings.external(postgres.getJdbcUrl("postgres", name), "postgres", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
