package dev.recruitdesk.ui;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.booking.DashboardQueries;
import dev.recruitdesk.booking.MessageActions;
import dev.recruitdesk.booking.RecruiterService;
import dev.recruitdesk.booking.ReminderPolicyService;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.ui.delivery.ServiceStatus;
import dev.recruitdesk.ui.settings.BotProbe;
import dev.recruitdesk.ui.settings.SettingsStore;
import dev.recruitdesk.ui.templates.TemplatePreviewer;
import java.util.function.Consumer;

/**
 * What the Delivery, Templates, Settings and Dashboard screens use besides {@link ConsoleServices}.
 *
 * @param delivery       the outbox's read model (lists, counts, ledger)
 * @param messageActions resend and cancel, scoped to the caller and audited
 * @param caller         who uses this console: admin-only screens check it, audits record its name
 * @param applyTheme     switches the look at once ({@code light} or {@code dark}); called on the FX thread
 */
public record AdminServices(DeliveryOps delivery, MessageActions messageActions, ServiceStatus status, TemplateService templates, TemplatePreviewer previewer,
                            ReminderPolicyService reminderPolicy, RecruiterService recruiters, DashboardQueries dashboard,
                            SettingsStore settings, BotProbe botProbe, Caller caller, Consumer<String> applyTheme) {

    /** The name audits record for this console's actions. */
    public String consoleUser() {
        return caller.name();
    }
}
