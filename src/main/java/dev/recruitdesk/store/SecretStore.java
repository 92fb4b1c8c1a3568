package dev.recruitdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named secrets shared by the consoles of one database ({@code app_secret}), encrypted with {@link SecretsKey}. Logs
 * name the secret, the key's fingerprint and who wrote it, never a value.
 */
public final class SecretStore {

    /** The bot token, moved here from the settings files in team mode. */
    public static final String BOT_TOKEN = "telegram.token";
    /** The HMAC key that signs the bot's buttons (base64). */
    public static final String CALLBACK_KEY = "telegram.callbackKey";
    /** The entity name announced on the {@link ChangeFeed} when a secret is written. */
    public static final String CHANGE_ENTITY = "secret";

    private static final Logger log = LoggerFactory.getLogger(SecretStore.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database db;
    private final SecretsKey key;
    private final Clock clock;
    private final ChangeFeed changes;

    /** @param changes where a write is announced (the leader re-reads the token), or null */
    public SecretStore(Database db, SecretsKey key, Clock clock, ChangeFeed changes) {
        this.db = Objects.requireNonNull(db, "db");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = changes;
    }

    public SecretsKey key() {
        return key;
    }

    /**
     * The secret's value, or empty when none is stored.
     *
     * @throws SecretsKey.RefusedException when it was written with another key or altered
     */
    public Optional<String> get(String name) {
        return db.inTransaction(s -> s.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ciphertext, nonce, key_id FROM app_secret WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<String>empty();
                    }
                    return Optional.of(key.open(name, new SecretsKey.Sealed(rs.getString(1), rs.getString(2)), rs.getString(3)));
                }
            }
        }));
    }

    /** Writes (or replaces) a secret under this console's key and announces it to the other consoles. */
    public void put(String name, String value, String by) {
        Objects.requireNonNull(value, "value");
        SecretsKey.Sealed sealed = key.seal(name, value);
        db.run(s -> {
            s.doWork(c -> {
                int updated;
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE app_secret SET ciphertext = ?, nonce = ?, key_id = ?, updated_at = ?, updated_by = ? WHERE name = ?")) {
                    bind(ps, sealed, by);
                    ps.setString(6, name);
                    updated = ps.executeUpdate();
                }
                if (updated == 0) {
                    insert(c, name, sealed, by);
                }
            });
            if (changes != null) {
                changes.publish(s, CHANGE_ENTITY, 0);
            }
        });
        log.info("secrets.written name={} keyId={} by={}", name, key.fingerprint(), by);
    }

    /**
     * The secret's value; when none is stored, {@code initial}'s value is stored and returned. Two consoles doing
     * this at once agree on one value: the second insert fails on the primary key and reads the first's.
     */
    public String getOrCreate(String name, Supplier<String> initial, String by) {
        Optional<String> existing = get(name);
        if (existing.isPresent()) {
            return existing.get();
        }
        String value = initial.get();
        SecretsKey.Sealed sealed = key.seal(name, value);
        try (Connection c = db.dataSource().getConnection()) {
            try {
                insert(c, name, sealed, by);
                c.commit();
                log.info("secrets.created name={} keyId={} by={}", name, key.fingerprint(), by);
                return value;
            } catch (SQLException e) {
                c.rollback();
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store secret " + name + ": " + e.getMessage(), e);
        }
        log.info("secrets.created-elsewhere name={}", name);
        return get(name).orElseThrow(() -> new IllegalStateException("secret " + name + " vanished while being created"));
    }

    private void insert(Connection c, String name, SecretsKey.Sealed sealed, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_secret (ciphertext, nonce, key_id, updated_at, updated_by, name) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(ps, sealed, by);
            ps.setString(6, name);
            ps.executeUpdate();
        }
    }

    private void bind(PreparedStatement ps, SecretsKey.Sealed sealed, String by) throws SQLException {
        ps.setString(1, sealed.ciphertext());
        ps.setString(2, sealed.nonce());
        ps.setString(3, key.fingerprint());
        ps.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        ps.setString(5, by == null || by.isBlank() ? "unknown" : by);
    }
}
