package dev.recruitdesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;

/** Where the data lives: the embedded H2 file in the home folder, or a JDBC URL (a team's PostgreSQL). */
public record DatabaseSettings(String url, String user, String password, Path embeddedFolder) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** The embedded H2 file database {@code <dataFolder>/recruitdesk.mv.db}. */
    public static DatabaseSettings embedded(Path dataFolder) {
        Path base = dataFolder.toAbsolutePath().resolve("recruitdesk");
        // DB_CLOSE_ON_EXIT=FALSE: we close the database ourselves after the services stopped using it.
        // WRITE_DELAY=0: with H2's default (500 ms) a killed process loses transactions it had already committed,
        // e.g. the outbox mark "handed to the sender", which would let a restart send a message twice.
        return new DatabaseSettings("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "",
                dataFolder.toAbsolutePath());
    }

    public static DatabaseSettings external(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, null);
    }

    public boolean isEmbedded() {
        return embeddedFolder != null;
    }

    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Short text for the status bar: the file folder, or the URL without credentials. */
    public String location() {
        if (isEmbedded()) {
            return embeddedFolder.toString();
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /**
     * A connection of its own, outside the pool, for work tied to one session (an advisory lock, LISTEN): the pool
     * would recycle or share it. {@code socketTimeout} bounds every call, so a cut network shows up as an error.
     */
    public Connection openDedicated(String purpose, Duration socketTimeout) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        if (isPostgres()) {
            p.setProperty("ApplicationName", purpose);
            p.setProperty("connectTimeout", "10");
            p.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
            p.setProperty("tcpKeepAlive", "true");
        }
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }
}
