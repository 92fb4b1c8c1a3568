package dev.recruitdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.booking.TemplateProblem;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.ui.delivery.ServiceStatus;
import dev.recruitdesk.ui.settings.SettingsStore;
import dev.recruitdesk.ui.templates.TemplatePreviewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The message keys the admin screens build at run time (a prefix and an enum or figure name) exist in both languages. */
class AdminI18nTest {

    @Test
    void everyRunTimeKeyExistsInEnglishAndRussian() {
        List<String> keys = new ArrayList<>();
        for (OutboxStatus s : OutboxStatus.values()) {
            keys.add("delivery.status." + s.name().toLowerCase(Locale.ROOT));
        }
        for (ServiceStatus.BotState s : ServiceStatus.BotState.values()) {
            keys.add("delivery.bot." + s.name().toLowerCase(Locale.ROOT));
        }
        for (TemplatePreviewer.Kind k : TemplatePreviewer.Kind.values()) {
            keys.add("templates.kind." + k.name().toLowerCase(Locale.ROOT));
        }
        for (TemplateProblem.Kind k : TemplateProblem.Kind.values()) {
            keys.add("template.error." + k.name().toLowerCase(Locale.ROOT));
        }
        for (SettingsStore.Setting s : SettingsStore.Setting.values()) {
            keys.add("settings.error." + s.key);
        }
        for (ReminderKind k : ReminderKind.values()) {
            keys.add("settings.reminder." + k.keyName());
        }
        for (String k : List.of("day_before", "confirm_2h", "starting_soon")) {
            keys.add("dashboard.reminders." + k);
        }
        for (BookingStatus s : BookingStatus.values()) {
            keys.add("dashboard.status." + s.name().toLowerCase(Locale.ROOT));
        }
        for (String k : List.of("requests", "unconfirmed", "outcomes")) {
            keys.add("dashboard.action." + k);
        }
        for (String k : List.of("requested", "approved", "confirmed", "attended")) {
            keys.add("dashboard.funnel." + k);
        }
        for (String k : List.of("not_confirmed", "after_day_before", "after_confirm_2h")) {
            keys.add("dashboard.confirmation." + k);
        }
        keys.addAll(List.of("delivery.resent", "delivery.resendRefused", "delivery.cancelled", "delivery.cancelRefused",
                "templates.version.builtIn", "templates.version.builtInActive", "templates.version.active", "templates.version.saved",
                "settings.saved", "settings.savedRestart", "settings.language.ru", "settings.language.en", "settings.theme.light",
                "settings.theme.dark", "dashboard.reminders.none"));
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"))) {
            I18n i18n = new I18n(locale);
            assertThat(keys).as("keys missing in %s", locale).allSatisfy(k -> assertThat(i18n.tr(k)).doesNotStartWith("!"));
        }
    }
}
