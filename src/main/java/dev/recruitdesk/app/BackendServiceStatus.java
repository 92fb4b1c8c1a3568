package dev.recruitdesk.app;

import dev.recruitdesk.delivery.DeliveryHealth;
import dev.recruitdesk.delivery.Dispatcher;
import dev.recruitdesk.delivery.LeaseStatus;
import dev.recruitdesk.telegram.PollerStatus;
import dev.recruitdesk.telegram.UpdatePoller;
import dev.recruitdesk.ui.delivery.ServiceStatus;

/** The health strip's view of an open backend: its bot connection, poller, leader lease and dispatcher. */
final class BackendServiceStatus implements ServiceStatus {

    private final Backend backend;

    BackendServiceStatus(Backend backend) {
        this.backend = backend;
    }

    @Override
    public BotState botState() {
        if (!backend.secrets().canLead()) {
            return BotState.NO_SECRETS_KEY;
        }
        UpdatePoller poller = backend.poller();
        PollerStatus.State polling = poller == null ? null : poller.status().state();
        if (polling == PollerStatus.State.CONFLICT || backend.leaseStatus().alert() != null) {
            return BotState.CONFLICT;
        }
        Dispatcher dispatcher = backend.dispatcher();
        if (polling == PollerStatus.State.BAD_TOKEN || dispatcher != null && dispatcher.health().badToken()) {
            return BotState.BAD_TOKEN;
        }
        BotConnection bot = backend.bot();
        return bot != null && bot.isSandbox() ? BotState.SANDBOX : BotState.OK;
    }

    @Override
    public String leaseHolder() {
        LeaseStatus lease = backend.leaseStatus();
        if (lease.leader()) {
            return THIS_CONSOLE;
        }
        if (lease.leaderId() == null) {
            return null;
        }
        return (lease.leaderUser() == null ? "" : lease.leaderUser() + "@") + lease.leaderHost();
    }

    @Override
    public DeliveryHealth health() {
        Dispatcher dispatcher = backend.dispatcher();
        return dispatcher == null ? null : dispatcher.health();
    }
}
