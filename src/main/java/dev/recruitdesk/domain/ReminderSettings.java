package dev.recruitdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The installation's reminder policy as stored: a single row ({@link #INSTALLATION}). Plain columns only; the rules
 * and validation live in {@code reminders.ReminderPolicy}, which reads and writes this row. A per-recruiter policy
 * would add a nullable unique {@code recruiter_id} and keep this row as the default.
 */
@Entity
@Table(name = "reminder_policy")
public class ReminderSettings {

    /** The id of the one row that holds the policy of the whole installation. */
    public static final int INSTALLATION = 1;

    @Id
    private int id = INSTALLATION;

    @Column(name = "day_before_enabled", nullable = false)
    private boolean dayBeforeEnabled;
    @Column(name = "day_before_minutes", nullable = false)
    private int dayBeforeMinutes;

    @Column(name = "confirm_2h_enabled", nullable = false)
    private boolean confirm2hEnabled;
    @Column(name = "confirm_2h_minutes", nullable = false)
    private int confirm2hMinutes;

    @Column(name = "starting_soon_enabled", nullable = false)
    private boolean startingSoonEnabled;
    @Column(name = "starting_soon_minutes", nullable = false)
    private int startingSoonMinutes;

    @Column(name = "unconfirmed_alert_enabled", nullable = false)
    private boolean unconfirmedAlertEnabled;
    @Column(name = "unconfirmed_alert_minutes", nullable = false)
    private int unconfirmedAlertMinutes;

    @Column(name = "quiet_enabled", nullable = false)
    private boolean quietEnabled;
    /** Minutes after local midnight; kept while quiet hours are off so switching them on restores the times. */
    @Column(name = "quiet_start_minute", nullable = false)
    private int quietStartMinute;
    @Column(name = "quiet_end_minute", nullable = false)
    private int quietEndMinute;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    public ReminderSettings() {
    }

    public int getId() {
        return id;
    }

    public boolean isDayBeforeEnabled() {
        return dayBeforeEnabled;
    }

    public void setDayBefore(boolean enabled, int minutes) {
        this.dayBeforeEnabled = enabled;
        this.dayBeforeMinutes = minutes;
    }

    public int getDayBeforeMinutes() {
        return dayBeforeMinutes;
    }

    public boolean isConfirm2hEnabled() {
        return confirm2hEnabled;
    }

    public int getConfirm2hMinutes() {
        return confirm2hMinutes;
    }

    public void setConfirm2h(boolean enabled, int minutes) {
        this.confirm2hEnabled = enabled;
        this.confirm2hMinutes = minutes;
    }

    public boolean isStartingSoonEnabled() {
        return startingSoonEnabled;
    }

    public int getStartingSoonMinutes() {
        return startingSoonMinutes;
    }

    public void setStartingSoon(boolean enabled, int minutes) {
        this.startingSoonEnabled = enabled;
        this.startingSoonMinutes = minutes;
    }

    public boolean isUnconfirmedAlertEnabled() {
        return unconfirmedAlertEnabled;
    }

    public int getUnconfirmedAlertMinutes() {
        return unconfirmedAlertMinutes;
    }

    public void setUnconfirmedAlert(boolean enabled, int minutes) {
        this.unconfirmedAlertEnabled = enabled;
        this.unconfirmedAlertMinutes = minutes;
    }

    public boolean isQuietEnabled() {
        return quietEnabled;
    }

    public int getQuietStartMinute() {
        return quietStartMinute;
    }

    public int getQuietEndMinute() {
        return quietEndMinute;
    }

    public void setQuiet(boolean enabled, int startMinute, int endMinute) {
        this.quietEnabled = enabled;
        this.quietStartMinute = startMinute;
        this.quietEndMinute = endMinute;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
