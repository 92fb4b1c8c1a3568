package dev.recruitdesk.app;

import dev.recruitdesk.store.ChangeFeed;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.SecretStore;
import dev.recruitdesk.store.SecretsKey;
import dev.recruitdesk.telegram.BotGateway;
import dev.recruitdesk.telegram.CallbackCodec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the bot token and the callback key come from. On the embedded file (one user): the settings file, as
 * always. In team mode (PostgreSQL): the database's {@code app_secret} table, encrypted under {@code secrets.key};
 * the first console with the key creates the callback key and moves the file's token in. A console without the
 * key (or with another one) reads neither: it signs no buttons and does not compete to run the bot, but every
 * screen and every use case that sends no buttons works.
 */
public final class BotSecrets {

    private static final Logger log = LoggerFactory.getLogger(BotSecrets.class);

    private final Config config;
    private final SecretStore store; // team mode with a usable key, else null
    private final CallbackCodec codec;
    private final String problem;
    private final boolean teamMode;

    private BotSecrets(Config config, SecretStore store, CallbackCodec codec, String problem, boolean teamMode) {
        this.config = config;
        this.store = store;
        this.codec = codec;
        this.problem = problem;
        this.teamMode = teamMode;
    }

    /** Reads (team mode: decrypts, creating the callback key on first use) the secrets this console works with. */
    static BotSecrets resolve(AppContext context, Database db, ChangeFeed changes) {
        Config config = context.config();
        if (!db.settings().isPostgres()) {
            return new BotSecrets(config, null, context.callbackCodec(), null, false);
        }
        Optional<String> keyText = config.get(Config.Key.SECRETS_KEY);
        if (keyText.isEmpty()) {
            return refused(config, "no secrets.key in " + config.file() + ": this console cannot read the bot token or sign "
                    + "the bot's buttons, so it does not run the bot; copy the admin's secrets.key into the file (0600)");
        }
        SecretStore store = new SecretStore(db, SecretsKey.fromBase64(keyText.get()), context.clock(), changes);
        try {
            // a team started from one recruiter's data keeps that console's key, so buttons already sent stay valid
            String callbackKey = store.getOrCreate(SecretStore.CALLBACK_KEY,
                    () -> config.get(Config.Key.TELEGRAM_CALLBACK_KEY).orElseGet(CallbackCodec::generateKey), who());
            importFileToken(store, config);
            log.info("secrets.ready keyId={}", store.key().fingerprint());
            return new BotSecrets(config, store, CallbackCodec.fromBase64Key(callbackKey), null, true);
        } catch (SecretsKey.RefusedException e) {
            return refused(config, e.getMessage());
        }
    }

    private static BotSecrets refused(Config config, String problem) {
        log.error("secrets.unavailable {}", problem);
        return new BotSecrets(config, null, CallbackCodec.locked(), problem, true);
    }

    /**
     * The first console moves its file's token into the database. The file is left as it is (the log says the line
     * may go): rewriting an admin's file behind their back could lose their only copy if this database is thrown
     * away, and from now on the database's token wins over the file's.
     */
    private static void importFileToken(SecretStore store, Config config) {
        Optional<String> fileToken = config.get(Config.Key.TELEGRAM_TOKEN);
        Optional<String> stored = store.get(SecretStore.BOT_TOKEN);
        if (stored.isEmpty() && fileToken.isPresent()) {
            store.put(SecretStore.BOT_TOKEN, fileToken.get(), who());
            log.warn("secrets.imported name={} from={} token={} (now kept encrypted in the database; the telegram.token line "
                    + "may be removed from the file)", SecretStore.BOT_TOKEN, config.file(), BotGateway.mask(fileToken.get()));
        } else if (stored.isPresent() && fileToken.isPresent()) {
            log.warn("secrets.file-entry-ignored name={} file={} same={} (team mode uses the database's token; the telegram.token "
                    + "line may be removed from the file)", SecretStore.BOT_TOKEN, config.file(), stored.get().equals(fileToken.get()));
        }
    }

    /** The signer of the bot's buttons; {@link CallbackCodec#locked()} when this console cannot read the key. */
    public CallbackCodec codec() {
        return codec;
    }

    /** Why this console cannot use the team's secrets (shown and logged), or empty when it can. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** True when this console may run the dispatcher and the poller: it can read the token and sign buttons. */
    public boolean canLead() {
        return problem == null;
    }

    public boolean teamMode() {
        return teamMode;
    }

    /** The bot token as it is now (team mode: re-read from the database, so a rotation is seen); empty for the sandbox. */
    public Optional<String> token() {
        if (!teamMode) {
            return config.get(Config.Key.TELEGRAM_TOKEN);
        }
        if (store == null) {
            return Optional.empty();
        }
        try {
            return store.get(SecretStore.BOT_TOKEN);
        } catch (SecretsKey.RefusedException e) {
            log.error("secrets.unavailable {}", e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Stores a new bot token (team mode: encrypted, announced to the leader; embedded: in the settings file).
     *
     * @throws IllegalArgumentException when this console cannot write the team's secrets
     */
    public void saveToken(String token, String by) {
        if (!teamMode) {
            config.put(Config.Key.TELEGRAM_TOKEN, token);
            return;
        }
        if (store == null) {
            throw new IllegalArgumentException("telegram.token cannot be saved here: " + problem);
        }
        store.put(SecretStore.BOT_TOKEN, token.strip(), by);
        log.info("secrets.token-rotated token={} by={}", BotGateway.mask(token.strip()), by);
    }

    /** user@host, for {@code updated_by}. */
    static String who() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return System.getProperty("user.name") + "@" + host;
    }
}
