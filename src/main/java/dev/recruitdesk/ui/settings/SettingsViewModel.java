package dev.recruitdesk.ui.settings;

import dev.recruitdesk.accounts.AccessDenied;
import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.reminders.InvalidInputException;
import dev.recruitdesk.reminders.QuietHours;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.ui.AdminServices;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.settings.SettingsStore.Setting;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Settings screen. Save checks every field first (the reminder policy with its own
 * rules) and writes nothing while one is refused; then it writes the settings file, the policy (which re-plans
 * pending reminders) and the recruiter profile. The theme applies at once.
 */
public class SettingsViewModel {

    private static final Logger log = LoggerFactory.getLogger(SettingsViewModel.class);
    private static final List<ReminderKind> KINDS = List.of(ReminderKind.values());
    /** Settings that take effect only after a restart. */
    private static final List<Setting> RESTART = List.of(Setting.TELEGRAM_TOKEN, Setting.TELEGRAM_API_URL, Setting.DB_URL,
            Setting.DB_USER, Setting.DB_PASSWORD, Setting.UI_LANGUAGE);

    /** One reminder kind's row: on/off, minutes before the start, its inline error. */
    public static final class KindRow {
        private final ReminderKind kind;
        private final BooleanProperty enabled = new SimpleBooleanProperty();
        private final StringProperty minutes = new SimpleStringProperty("");
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        KindRow(ReminderKind kind) {
            this.kind = kind;
            enabled.addListener((o, a, b) -> error.set(""));
            minutes.addListener((o, a, b) -> error.set(""));
        }

        public ReminderKind kind() {
            return kind;
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }

        public StringProperty minutesProperty() {
            return minutes;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final ConsoleServices services;
    private final AdminServices admin;
    private final TaskRunner tasks;
    private final I18n i18n;

    private final Map<Setting, StringProperty> values = new EnumMap<>(Setting.class);
    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final Map<Setting, String> loadedValues = new EnumMap<>(Setting.class);
    private final BooleanProperty autoApprove = new SimpleBooleanProperty();
    private final Map<ReminderKind, KindRow> kinds = new EnumMap<>(ReminderKind.class);
    private final BooleanProperty quietEnabled = new SimpleBooleanProperty(true);
    private final StringProperty quietStart = new SimpleStringProperty("22:00");
    private final StringProperty quietEnd = new SimpleStringProperty("08:00");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty("");
    private final StringProperty meetingLink = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper dbLocation = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper databaseReadOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper testResult = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testOk = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper formMessage = new ReadOnlyStringWrapper("");

    public SettingsViewModel(ConsoleServices services, AdminServices admin, TaskRunner tasks, I18n i18n) {
        this.services = services;
        this.admin = admin;
        this.tasks = tasks;
        this.i18n = i18n;
        for (Setting s : Setting.values()) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> error(s.key).set(""));
            values.put(s, p);
        }
        for (ReminderKind k : KINDS) {
            kinds.put(k, new KindRow(k));
        }
        for (StringProperty p : List.of(quietStart, quietEnd)) {
            p.addListener((o, a, b) -> error("quietHours").set(""));
        }
        name.addListener((o, a, b) -> error("name").set(""));
        zone.addListener((o, a, b) -> error("zone").set(""));
        meetingLink.addListener((o, a, b) -> error("meetingLink").set(""));
        value(Setting.UI_THEME).addListener((o, a, theme) -> applyTheme(a, theme));
        dbLocation.set(services.dbLocation());
        databaseReadOnly.set(services.teamMode());
    }

    private record Loaded(Map<Setting, String> settings, ReminderPolicy policy, Recruiter me) {
    }

    /** Loads the file's values, the reminder policy and the profile. */
    public void load() {
        loading.set(true);
        tasks.run(() -> {
            Map<Setting, String> read = new EnumMap<>(Setting.class);
            for (Setting s : Setting.values()) {
                read.put(s, admin.settings().get(s).orElse(""));
            }
            return new Loaded(read, admin.reminderPolicy().load(), admin.recruiters().get(services.recruiterId()));
        }, loaded -> {
            loadedValues.putAll(loaded.settings());
            loaded.settings().forEach((s, v) -> value(s).set(v));
            if (value(Setting.UI_LANGUAGE).get().isEmpty()) {
                value(Setting.UI_LANGUAGE).set(i18n.locale().getLanguage().equals("ru") ? "ru" : "en");
            }
            if (value(Setting.UI_THEME).get().isEmpty()) {
                value(Setting.UI_THEME).set("light");
            }
            // the defaults shown are what runs now: saving them needs no restart
            loadedValues.put(Setting.UI_LANGUAGE, value(Setting.UI_LANGUAGE).get());
            loadedValues.put(Setting.UI_THEME, value(Setting.UI_THEME).get());
            autoApprove.set("true".equals(loaded.settings().get(Setting.BOOKING_AUTO_APPROVE)));
            showPolicy(loaded.policy());
            name.set(loaded.me().getName());
            zone.set(loaded.me().getZone().getId());
            meetingLink.set(Objects.requireNonNullElse(loaded.me().getMeetingLink(), ""));
            clearErrors();
            loading.set(false);
        }, failure -> {
            loading.set(false);
            log.warn("settings.load.failed", failure);
            formError.set(i18n.tr("settings.loadFailed", String.valueOf(failure.getMessage())));
        });
    }

    private void showPolicy(ReminderPolicy policy) {
        for (ReminderKind k : KINDS) {
            kinds.get(k).enabled.set(policy.isEnabled(k));
            kinds.get(k).minutes.set(String.valueOf(policy.offset(k).toMinutes()));
        }
        quietEnabled.set(policy.quietHoursEnabled());
        quietStart.set(policy.quietHours().start().toString());
        quietEnd.set(policy.quietHours().end().toString());
    }

    // ---- test connection ---------------------------------------------------------------------------------------

    /** Asks Telegram who the entered token belongs to (off the FX thread). */
    public void testConnection() {
        if (testing.get()) {
            return;
        }
        String url = value(Setting.TELEGRAM_API_URL).get().strip();
        String urlProblem = admin.settings().problem(Setting.TELEGRAM_API_URL, url);
        if (urlProblem != null) {
            error(Setting.TELEGRAM_API_URL.key).set(i18n.tr("settings.error.url"));
            return;
        }
        testing.set(true);
        testResult.set(i18n.tr("settings.bot.testing"));
        testOk.set(false);
        tasks.run(() -> admin.botProbe().probe(value(Setting.TELEGRAM_TOKEN).get(), url), result -> {
            testing.set(false);
            testOk.set(result.ok());
            testResult.set(result.ok() ? i18n.tr("settings.bot.ok", result.botName()) : i18n.tr("settings.bot.failed", result.error()));
        }, failure -> {
            testing.set(false);
            testOk.set(false);
            testResult.set(i18n.tr("settings.bot.failed", String.valueOf(failure.getMessage())));
        });
    }

    // ---- save --------------------------------------------------------------------------------------------------

    /** Checks everything; saves everything only when nothing is refused. */
    public void save() {
        if (saving.get() || loading.get()) {
            return;
        }
        clearErrors();
        formMessage.set("");
        Map<Setting, String> file = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            file.put(s, value(s).get() == null ? "" : value(s).get().strip());
        }
        file.put(Setting.BOOKING_AUTO_APPROVE, String.valueOf(autoApprove.get()));
        if (databaseReadOnly.get()) {
            file.remove(Setting.DB_URL);
            file.remove(Setting.DB_USER);
            file.remove(Setting.DB_PASSWORD);
        }
        boolean ok = true;
        for (Map.Entry<Setting, String> e : file.entrySet()) {
            if (admin.settings().problem(e.getKey(), e.getValue()) != null) {
                error(e.getKey().key).set(i18n.tr("settings.error." + e.getKey().key));
                ok = false;
            }
        }
        ReminderPolicy policy = policy();
        ok &= policy != null;
        ok &= checkProfile();
        if (!ok) {
            formError.set(i18n.tr("settings.error.fix"));
            return;
        }
        boolean restart = RESTART.stream().anyMatch(s -> file.containsKey(s) && !file.get(s).equals(loadedValues.getOrDefault(s, "")));
        String who = name.get().strip();
        String where = zone.get().strip();
        String link = meetingLink.get().strip();
        saving.set(true);
        tasks.run(() -> {
            admin.settings().saveAll(file);
            // the reminder policy is the installation's: only an admin changes it (a recruiter saves their profile)
            if (services.caller().isAdmin()) {
                admin.reminderPolicy().save(services.caller(), policy);
            }
            admin.recruiters().updateProfile(services.caller(), services.recruiterId(), who, where, link);
            return file;
        }, saved -> {
            saving.set(false);
            loadedValues.putAll(saved);
            formMessage.set(i18n.tr(restart ? "settings.savedRestart" : "settings.saved"));
        }, failure -> {
            saving.set(false);
            if (failure instanceof RuleViolation rule) {
                error(rule.field()).set(i18n.tr(rule.messageKey(), rule.args()));
                formError.set(i18n.tr("settings.error.fix"));
            } else if (failure instanceof AccessDenied denied) {
                formError.set(i18n.tr(denied.messageKey(), denied.args()));
            } else {
                log.warn("settings.save.failed", failure);
                formError.set(i18n.tr("settings.saveFailed", String.valueOf(failure.getMessage())));
            }
        });
    }

    /** The policy the fields describe, or null with the errors shown (the policy's own messages). */
    ReminderPolicy policy() {
        Map<ReminderKind, ReminderPolicy.KindSetting> settings = new EnumMap<>(ReminderKind.class);
        boolean ok = true;
        for (ReminderKind k : KINDS) {
            KindRow row = kinds.get(k);
            Integer minutes = wholeNumber(row.minutes.get());
            if (minutes == null) {
                row.error.set(i18n.tr("settings.error.minutes"));
                ok = false;
                continue;
            }
            settings.put(k, new ReminderPolicy.KindSetting(row.enabled.get(), Duration.ofMinutes(minutes)));
        }
        LocalTime start = time(quietStart.get());
        LocalTime end = time(quietEnd.get());
        if (start == null || end == null) {
            error("quietHours").set(i18n.tr("settings.error.time"));
            ok = false;
        }
        if (!ok) {
            return null;
        }
        try {
            return ReminderPolicy.of(settings, new QuietHours(start, end), quietEnabled.get());
        } catch (InvalidInputException e) {
            String text = i18n.tr(e.messageKey(), e.args());
            ReminderKind kind = KINDS.stream().filter(k -> k.keyName().equals(e.field())).findFirst().orElse(null);
            if (kind != null) {
                kinds.get(kind).error.set(text);
            } else {
                error("quietHours").set(text);
            }
            return null;
        }
    }

    private boolean checkProfile() {
        boolean ok = true;
        if (name.get().isBlank() || name.get().strip().length() > 200) {
            error("name").set(i18n.tr("recruiter.error.name", 200));
            ok = false;
        }
        try {
            ZoneId.of(zone.get().strip());
        } catch (DateTimeException e) {
            error("zone").set(i18n.tr("recruiter.error.zone", zone.get()));
            ok = false;
        }
        String link = meetingLink.get().strip();
        if (!link.isEmpty() && (link.length() > 500 || !link.toLowerCase(Locale.ROOT).matches("https?://\\S+"))) {
            error("meetingLink").set(i18n.tr("recruiter.error.link", 500));
            ok = false;
        }
        return ok;
    }

    private void applyTheme(String before, String theme) {
        if (theme == null || theme.isEmpty() || before == null || before.isEmpty() || theme.equals(before)) {
            return;
        }
        admin.applyTheme().accept(theme);
        tasks.run(() -> {
            admin.settings().saveAll(Map.of(Setting.UI_THEME, theme));
            return theme;
        }, saved -> loadedValues.put(Setting.UI_THEME, saved), failure -> log.warn("settings.theme.save.failed", failure));
    }

    private void clearErrors() {
        errors.values().forEach(e -> e.set(""));
        kinds.values().forEach(k -> k.error.set(""));
        formError.set("");
    }

    private static Integer wholeNumber(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ReadOnlyStringWrapper error(String field) {
        return errors.computeIfAbsent(field, f -> new ReadOnlyStringWrapper(""));
    }

    // ---- properties -------------------------------------------------------------------------------------------

    public StringProperty value(Setting setting) {
        return values.get(setting);
    }

    /** The inline error of a field: a setting's file key, a reminder kind's key name, quietHours, name, zone, meetingLink. */
    public ReadOnlyStringProperty errorProperty(String field) {
        return error(field).getReadOnlyProperty();
    }

    public KindRow kind(ReminderKind kind) {
        return kinds.get(kind);
    }

    public BooleanProperty autoApproveProperty() {
        return autoApprove;
    }

    public BooleanProperty quietEnabledProperty() {
        return quietEnabled;
    }

    public StringProperty quietStartProperty() {
        return quietStart;
    }

    public StringProperty quietEndProperty() {
        return quietEnd;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty meetingLinkProperty() {
        return meetingLink;
    }

    public ReadOnlyStringProperty dbLocationProperty() {
        return dbLocation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty databaseReadOnlyProperty() {
        return databaseReadOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testResultProperty() {
        return testResult.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testOkProperty() {
        return testOk.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return formError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formMessageProperty() {
        return formMessage.getReadOnlyProperty();
    }
}
