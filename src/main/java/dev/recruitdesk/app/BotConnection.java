package dev.recruitdesk.app;

import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.telegram.BotGateway;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot the console talks to: the real Bot API when a token is configured, otherwise the in-process sandbox
 * ({@link FakeBotApi} on loopback), so a new user can try both sides without a token.
 */
public final class BotConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotConnection.class);

    private final FakeBotApi sandbox;
    private final BotGateway gateway;
    private final String token; // the live token, only to tell whether a rotated one differs; null in the sandbox

    private BotConnection(FakeBotApi sandbox, BotGateway gateway, String token) {
        this.sandbox = sandbox;
        this.gateway = gateway;
        this.token = token;
    }

    /** True when this connection speaks for {@code other} (both empty: the sandbox). */
    boolean usesToken(Optional<String> other) {
        return other.isEmpty() ? token == null : other.get().equals(token);
    }

    static BotConnection open(Config config) {
        return open(config, config.get(Config.Key.TELEGRAM_TOKEN));
    }

    /** With {@code token} from wherever this console keeps it ({@link BotSecrets}); empty starts the sandbox. */
    static BotConnection open(Config config, Optional<String> token) {
        if (token.isPresent()) {
            String apiUrl = config.get(Config.Key.TELEGRAM_API_URL).orElse(BotGateway.PUBLIC_API_URL);
            log.info("bot.live token={} apiUrl={}", BotGateway.mask(token.get()), apiUrl);
            return new BotConnection(null, new BotGateway(token.get(), apiUrl,
                    BotGateway.DEFAULT_CONNECT_TIMEOUT, BotGateway.DEFAULT_READ_TIMEOUT), token.get());
        }
        FakeBotApi fake = FakeBotApi.start();
        log.info("bot.sandbox apiUrl={}", fake.apiUrl());
        return new BotConnection(fake, new BotGateway(fake.validToken(), fake.apiUrl(),
                BotGateway.DEFAULT_CONNECT_TIMEOUT, BotGateway.DEFAULT_READ_TIMEOUT), null);
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    /** The in-process fake Telegram, present in sandbox mode only. */
    public Optional<FakeBotApi> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    public BotGateway gateway() {
        return gateway;
    }

    @Override
    public void close() {
        gateway.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
