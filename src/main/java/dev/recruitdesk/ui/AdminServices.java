package dev.recruitdesk.ui;

import dev.recruitdesk.booking.DashboardQueries;
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
 * @param consoleUser the name audits record for this console's actions (resend, cancel, template edits)
 * @param applyTheme  switches the look at once ({@code light} or {@code dark}); called on the FX thread
 */
public record AdminServices(DeliveryOps delivery, ServiceStatus status, TemplateService templates, TemplatePreviewer previewer,
                            ReminderPolicyService reminderPolicy, RecruiterService recruiters, DashboardQueries dashboard,
                            SettingsStore settings, BotProbe botProbe, String consoleUser, Consumer<String> applyTheme) {
}
