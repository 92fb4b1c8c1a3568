package dev.recruitdesk.app;

import dev.recruitdesk.delivery.DeliveryHealth;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.ui.delivery.ServiceStatus;

/** The health strip's view of an open backend: its bot connection and its dispatcher. */
final class BackendServiceStatus implements ServiceStatus {

    private final Backend backend;

    BackendServiceStatus(Backend backend) {
        this.backend = backend;
    }

    @Override
    public BotState botState() {
        Dispatcher dispatcher = backend.dispatcher();
        if (dispatcher != null && dispatcher.health().badToken()) {
            return BotState.BAD_TOKEN;
        }
        BotConnection bot = backend.bot();
        return bot != null && bot.isSandbox() ? BotState.SANDBOX : BotState.OK;
    }

    @Override
    public String leaseHolder() {
        Dispatcher dispatcher = backend.dispatcher();
        // embedded mode: the console that owns the data folder runs the one dispatcher
        return dispatcher == null ? null : dispatcher.ownerId();
    }

    @Override
    public DeliveryHealth health() {
        Dispatcher dispatcher = backend.dispatcher();
        return dispatcher == null ? null : dispatcher.health();
    }
}
