package dev.recruitdesk.app;

import dev.recruitdesk.telegram.BotGateway;
import dev.recruitdesk.telegram.BotIdentity;
import dev.recruitdesk.telegram.CallResult;
import dev.recruitdesk.ui.settings.BotProbe;
import java.time.Duration;
import java.util.function.Supplier;

/** "Test connection" with a throw-away {@link BotGateway}: getMe with the entered token and API server. */
final class GatewayBotProbe implements BotProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<BotGateway> running;

    /** @param running the console's own gateway, probed when no token is entered (sandbox mode) */
    GatewayBotProbe(Supplier<BotGateway> running) {
        this.running = running;
    }

    @Override
    public Result probe(String token, String apiUrl) {
        if (token == null || token.isBlank()) {
            BotGateway gateway = running.get();
            return gateway == null ? new Result(false, null, "no bot is running") : answer(gateway.getMe());
        }
        String url = apiUrl == null || apiUrl.isBlank() ? BotGateway.PUBLIC_API_URL : apiUrl.strip();
        try (BotGateway gateway = new BotGateway(token.strip(), url, TIMEOUT, TIMEOUT)) {
            return answer(gateway.getMe());
        } catch (RuntimeException e) {
            return new Result(false, null, e.getMessage());
        }
    }

    private static Result answer(CallResult<BotIdentity> call) {
        if (!call.isOk()) {
            return new Result(false, null, call.outcome() + (call.error() == null ? "" : ": " + call.error()));
        }
        BotIdentity me = call.value();
        return new Result(true, me.firstName() + (me.username() == null ? "" : " (@" + me.username() + ")"), null);
    }
}
