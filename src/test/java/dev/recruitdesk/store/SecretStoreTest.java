package dev.recruitdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/** Secrets in the database: encrypted under the console's key, refused under another key or when altered. */
class SecretStoreTest {

    private static final String TOKEN = "123456789:AAH-the-real-bot-token-abcdefgh";

    @Test
    void aSecretRoundTripsAndIsStoredOnlyEncrypted() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings)) {
            SecretStore store = new SecretStore(db, SecretsKey.fromBase64(SecretsKey.generate()), Clock.systemUTC(), null);
            assertThat(store.get(SecretStore.BOT_TOKEN)).isEmpty();

            store.put(SecretStore.BOT_TOKEN, TOKEN, "admin@box");

            assertThat(store.get(SecretStore.BOT_TOKEN)).contains(TOKEN);
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT ciphertext, nonce, key_id, updated_by FROM app_secret")) {
                assertThat(rs.next()).isTrue();
                String stored = rs.getString(1) + rs.getString(2) + rs.getString(3);
                assertThat(stored).doesNotContain(TOKEN).doesNotContain("AAH-the-real");
                assertThat(new String(Base64.getDecoder().decode(rs.getString(1)))).doesNotContain("the-real-bot-token");
                assertThat(rs.getString(3)).isEqualTo(store.key().fingerprint());
                assertThat(rs.getString(4)).isEqualTo("admin@box");
            }
            store.put(SecretStore.BOT_TOKEN, TOKEN + "-rotated", "admin@box");
            assertThat(store.get(SecretStore.BOT_TOKEN)).contains(TOKEN + "-rotated");
        }
    }

    @Test
    void anotherKeyIsRefusedWithBothFingerprintsNamed() {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings)) {
            SecretsKey admins = SecretsKey.fromBase64(SecretsKey.generate());
            SecretsKey other = SecretsKey.fromBase64(SecretsKey.generate());
            new SecretStore(db, admins, Clock.systemUTC(), null).put(SecretStore.BOT_TOKEN, TOKEN, "admin");

            SecretStore wrong = new SecretStore(db, other, Clock.systemUTC(), null);

            assertThatThrownBy(() -> wrong.get(SecretStore.BOT_TOKEN))
                    .isInstanceOf(SecretsKey.RefusedException.class)
                    .hasMessageContaining(admins.fingerprint())
                    .hasMessageContaining(other.fingerprint())
                    .hasMessageContaining("secrets.key")
                    .hasMessageNotContaining(TOKEN);
            assertThatThrownBy(() -> wrong.get(SecretStore.BOT_TOKEN)).satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
        }
    }

    @Test
    void anAlteredCiphertextOrASwappedRowIsRefused() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        try (Database db = Database.open(settings)) {
            SecretStore store = new SecretStore(db, SecretsKey.fromBase64(SecretsKey.generate()), Clock.systemUTC(), null);
            store.put(SecretStore.BOT_TOKEN, TOKEN, "admin");
            store.put(SecretStore.CALLBACK_KEY, "callback-key-value", "admin");

            try (Connection c = db.dataSource().getConnection()) {
                String ciphertext;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT ciphertext FROM app_secret WHERE name = 'telegram.token'")) {
                    rs.next();
                    ciphertext = rs.getString(1);
                }
                byte[] bytes = Base64.getDecoder().decode(ciphertext);
                bytes[3] ^= 0x01;
                try (PreparedStatement ps = c.prepareStatement("UPDATE app_secret SET ciphertext = ? WHERE name = 'telegram.token'")) {
                    ps.setString(1, Base64.getEncoder().encodeToString(bytes));
                    ps.executeUpdate();
                }
                // the callback key's row copied under the token's name: same key, wrong name
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("UPDATE app_secret SET name = 'telegram.apiUrl' WHERE name = 'telegram.callbackKey'");
                }
                c.commit();
            }

            assertThatThrownBy(() -> store.get(SecretStore.BOT_TOKEN))
                    .isInstanceOf(SecretsKey.RefusedException.class)
                    .hasMessageContaining("altered or damaged");
            assertThatThrownBy(() -> store.get("telegram.apiUrl"))
                    .isInstanceOf(SecretsKey.RefusedException.class)
                    .hasMessageContaining("altered or damaged");
        }
    }

    @Test
    void twoConsolesCreatingTheSameSecretAtOnceAgreeOnOneValue() throws Exception {
        DatabaseSettings settings = TestDatabases.freshPostgres();
        String key = SecretsKey.generate();
        try (Database first = Database.open(settings); Database second = Database.open(settings)) {
            SecretStore a = new SecretStore(first, SecretsKey.fromBase64(key), Clock.systemUTC(), null);
            SecretStore b = new SecretStore(second, SecretsKey.fromBase64(key), Clock.systemUTC(), null);
            CyclicBarrier together = new CyclicBarrier(2);

            CompletableFuture<String> fromA = CompletableFuture.supplyAsync(() -> a.getOrCreate("k", () -> await(together, "from-a"), "a"));
            CompletableFuture<String> fromB = CompletableFuture.supplyAsync(() -> b.getOrCreate("k", () -> await(together, "from-b"), "b"));

            assertThat(fromA.get()).isEqualTo(fromB.get()).isIn("from-a", "from-b");
            assertThat(a.get("k")).contains(fromA.get());
        }
    }

    private static String await(CyclicBarrier barrier, String value) {
        try {
            barrier.await();
            return value;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
