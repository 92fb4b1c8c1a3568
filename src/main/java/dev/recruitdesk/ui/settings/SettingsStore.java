package dev.recruitdesk.ui.settings;

import java.util.Map;
import java.util.Optional;

/**
 * The settings file as the Settings screen edits it ({@code recruitdesk.properties}): read, check and write
 * several values at once. Implemented by the composition root over its configuration.
 */
public interface SettingsStore {

    /** The keys the screen edits, named as in the file. */
    enum Setting {
        TELEGRAM_TOKEN("telegram.token"),
        TELEGRAM_API_URL("telegram.apiUrl"),
        DB_URL("db.url"),
        DB_USER("db.user"),
        DB_PASSWORD("db.password"),
        UI_LANGUAGE("ui.language"),
        UI_THEME("ui.theme"),
        BOOKING_AUTO_APPROVE("booking.autoApprove"),
        BOOKING_CHANGE_CUTOFF_MINUTES("booking.changeCutoffMinutes"),
        BOOKING_MIN_NOTICE_MINUTES("booking.minNoticeMinutes"),
        BOOKING_HORIZON_DAYS("booking.horizonDays");

        public final String key;

        Setting(String key) {
            this.key = key;
        }
    }

    Optional<String> get(Setting setting);

    /** Why the file would refuse {@code value}, in plain English, or {@code null}. */
    String problem(Setting setting, String value);

    /** Writes every value at once (an empty value clears the key); nothing is written when one is refused. */
    void saveAll(Map<Setting, String> values);
}
