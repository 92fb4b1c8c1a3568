package dev.recruitdesk.reminders;

import dev.recruitdesk.domain.ReminderSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which reminders are sent and when: per kind on/off and an offset before the start, plus quiet hours. Immutable;
 * every instance is valid. One policy serves the whole installation for now (a single stored row).
 *
 * <p>Rules checked: offsets are whole minutes from {@link #MIN_OFFSET} to {@link #MAX_OFFSET}; enabled candidate
 * kinds keep their order (day before, then the confirmation prompt, then "starting soon") at least
 * {@link ReminderPlanner#COVER_WINDOW} apart, or the later one would always swallow the earlier; the recruiter alert
 * comes at least {@link ReminderPlanner#ANSWER_TIME} after the last enabled prompt, so the candidate can answer.
 */
public final class ReminderPolicy {

    public static final Duration MIN_OFFSET = Duration.ofMinutes(5);
    public static final Duration MAX_OFFSET = Duration.ofHours(72);

    /** One kind's setting. */
    public record KindSetting(boolean enabled, Duration offset) {
        public KindSetting {
            Objects.requireNonNull(offset, "offset");
        }
    }

    private final Map<ReminderKind, KindSetting> kinds;
    private final QuietHours quietHours;
    private final boolean quietHoursEnabled;

    private ReminderPolicy(Map<ReminderKind, KindSetting> kinds, QuietHours quietHours, boolean quietHoursEnabled) {
        EnumMap<ReminderKind, KindSetting> copy = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            KindSetting setting = kinds.get(kind);
            if (setting == null) {
                throw new InvalidInputException(kind.keyName(), "reminders.error.kindMissing", "No setting for reminder " + kind.keyName(), kind.keyName());
            }
            checkOffset(kind, setting.offset());
            copy.put(kind, setting);
        }
        if (quietHours == null) {
            throw new InvalidInputException("quietHours", "reminders.error.quietMissing", "Quiet hours need a start and an end");
        }
        checkOrder(copy);
        this.kinds = Collections.unmodifiableMap(copy);
        this.quietHours = quietHours;
        this.quietHoursEnabled = quietHoursEnabled;
    }

    /** Every kind on at its default offset, quiet hours 22:00–08:00. */
    public static ReminderPolicy defaults() {
        EnumMap<ReminderKind, KindSetting> kinds = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            kinds.put(kind, new KindSetting(true, kind.defaultOffset()));
        }
        return new ReminderPolicy(kinds, QuietHours.DEFAULT, true);
    }

    /** A policy from explicit settings; throws {@link InvalidInputException} naming the offending field. */
    public static ReminderPolicy of(Map<ReminderKind, KindSetting> kinds, QuietHours quietHours, boolean quietHoursEnabled) {
        return new ReminderPolicy(kinds, quietHours, quietHoursEnabled);
    }

    public KindSetting setting(ReminderKind kind) {
        return kinds.get(kind);
    }

    public boolean isEnabled(ReminderKind kind) {
        return kinds.get(kind).enabled();
    }

    public Duration offset(ReminderKind kind) {
        return kinds.get(kind).offset();
    }

    /** The configured quiet hours, also while switched off. */
    public QuietHours quietHours() {
        return quietHours;
    }

    public boolean quietHoursEnabled() {
        return quietHoursEnabled;
    }

    /** The quiet hours in force, empty when switched off. */
    public Optional<QuietHours> activeQuietHours() {
        return quietHoursEnabled ? Optional.of(quietHours) : Optional.empty();
    }

    public ReminderPolicy with(ReminderKind kind, boolean enabled, Duration offset) {
        EnumMap<ReminderKind, KindSetting> copy = new EnumMap<>(kinds);
        copy.put(kind, new KindSetting(enabled, offset));
        return new ReminderPolicy(copy, quietHours, quietHoursEnabled);
    }

    public ReminderPolicy withEnabled(ReminderKind kind, boolean enabled) {
        return with(kind, enabled, offset(kind));
    }

    public ReminderPolicy withOffset(ReminderKind kind, Duration offset) {
        return with(kind, isEnabled(kind), offset);
    }

    public ReminderPolicy withQuietHours(QuietHours quiet) {
        return new ReminderPolicy(kinds, quiet, true);
    }

    public ReminderPolicy withQuietHoursEnabled(boolean enabled) {
        return new ReminderPolicy(kinds, quietHours, enabled);
    }

    /** Reads the stored row; a row that breaks today's rules throws, naming the field. */
    public static ReminderPolicy fromSettings(ReminderSettings row) {
        EnumMap<ReminderKind, KindSetting> kinds = new EnumMap<>(ReminderKind.class);
        kinds.put(ReminderKind.DAY_BEFORE, stored(row.isDayBeforeEnabled(), row.getDayBeforeMinutes()));
        kinds.put(ReminderKind.CONFIRM_2H, stored(row.isConfirm2hEnabled(), row.getConfirm2hMinutes()));
        kinds.put(ReminderKind.STARTING_SOON, stored(row.isStartingSoonEnabled(), row.getStartingSoonMinutes()));
        kinds.put(ReminderKind.UNCONFIRMED_ALERT, stored(row.isUnconfirmedAlertEnabled(), row.getUnconfirmedAlertMinutes()));
        return new ReminderPolicy(kinds, QuietHours.ofMinutes(row.getQuietStartMinute(), row.getQuietEndMinute()), row.isQuietEnabled());
    }

    /** Writes this policy into the stored row. */
    public void copyTo(ReminderSettings row, Instant now) {
        row.setDayBefore(isEnabled(ReminderKind.DAY_BEFORE), minutes(ReminderKind.DAY_BEFORE));
        row.setConfirm2h(isEnabled(ReminderKind.CONFIRM_2H), minutes(ReminderKind.CONFIRM_2H));
        row.setStartingSoon(isEnabled(ReminderKind.STARTING_SOON), minutes(ReminderKind.STARTING_SOON));
        row.setUnconfirmedAlert(isEnabled(ReminderKind.UNCONFIRMED_ALERT), minutes(ReminderKind.UNCONFIRMED_ALERT));
        row.setQuiet(quietHoursEnabled, quietHours.startMinute(), quietHours.endMinute());
        row.setUpdatedAt(now);
    }

    private static KindSetting stored(boolean enabled, int minutes) {
        return new KindSetting(enabled, Duration.ofMinutes(minutes));
    }

    private int minutes(ReminderKind kind) {
        return Math.toIntExact(offset(kind).toMinutes());
    }

    private static void checkOffset(ReminderKind kind, Duration offset) {
        if (offset == null) {
            throw new InvalidInputException(kind.keyName(), "reminders.error.offsetMissing", "No offset for reminder " + kind.keyName(), kind.keyName());
        }
        if (offset.toSeconds() % 60 != 0 || offset.getNano() != 0) {
            throw new InvalidInputException(kind.keyName(), "reminders.error.offsetMinutes",
                    "The offset of " + kind.keyName() + " must be whole minutes, got " + offset, kind.keyName(), offset);
        }
        if (offset.compareTo(MIN_OFFSET) < 0 || offset.compareTo(MAX_OFFSET) > 0) {
            throw new InvalidInputException(kind.keyName(), "reminders.error.offsetRange",
                    "The offset of " + kind.keyName() + " must be " + MIN_OFFSET.toMinutes() + " minutes to " + MAX_OFFSET.toHours()
                            + " hours before the start, got " + text(offset), kind.keyName(), offset.toMinutes());
        }
    }

    private static void checkOrder(Map<ReminderKind, KindSetting> kinds) {
        ReminderKind previous = null;
        ReminderKind lastPrompt = null;
        for (ReminderKind kind : ReminderKind.values()) {
            KindSetting setting = kinds.get(kind);
            if (kind.recipient() != Recipient.CANDIDATE || !setting.enabled()) {
                continue;
            }
            if (previous != null) {
                Duration gap = kinds.get(previous).offset().minus(setting.offset());
                if (gap.compareTo(ReminderPlanner.COVER_WINDOW) < 0) {
                    throw new InvalidInputException(kind.keyName(), "reminders.error.order",
                            previous.keyName() + " (" + text(kinds.get(previous).offset()) + " before) must come at least "
                                    + ReminderPlanner.COVER_WINDOW.toMinutes() + " minutes before " + kind.keyName() + " ("
                                    + text(setting.offset()) + " before)",
                            previous.keyName(), kind.keyName(), ReminderPlanner.COVER_WINDOW.toMinutes());
                }
            }
            previous = kind;
            if (kind.isPrompt()) {
                lastPrompt = kind;
            }
        }
        KindSetting alert = kinds.get(ReminderKind.UNCONFIRMED_ALERT);
        if (alert.enabled() && lastPrompt != null) {
            Duration gap = kinds.get(lastPrompt).offset().minus(alert.offset());
            if (gap.compareTo(ReminderPlanner.ANSWER_TIME) < 0) {
                throw new InvalidInputException(ReminderKind.UNCONFIRMED_ALERT.keyName(), "reminders.error.alertOrder",
                        "The recruiter alert (" + text(alert.offset()) + " before) must come at least " + ReminderPlanner.ANSWER_TIME.toMinutes()
                                + " minutes after " + lastPrompt.keyName() + " (" + text(kinds.get(lastPrompt).offset())
                                + " before), so the candidate can answer",
                        lastPrompt.keyName(), ReminderPlanner.ANSWER_TIME.toMinutes());
            }
        }
    }

    static String text(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReminderPolicy p && kinds.equals(p.kinds) && quietHours.equals(p.quietHours)
                && quietHoursEnabled == p.quietHoursEnabled;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kinds, quietHours, quietHoursEnabled);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ReminderPolicy[");
        kinds.forEach((k, s) -> sb.append(k.keyName()).append('=').append(s.enabled() ? text(s.offset()) : "off").append(", "));
        return sb.append("quiet=").append(quietHoursEnabled ? quietHours : "off").append(']').toString();
    }
}
