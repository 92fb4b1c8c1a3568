package dev.recruitdesk.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A slot not yet published: what the bulk generator and the CSV import hand to {@link SlotService#createMany}. */
public record SlotDraft(Instant start, Duration duration, String place) {

    public SlotDraft {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        place = place == null || place.isBlank() ? null : place.strip();
    }

    public Instant end() {
        return start.plus(duration);
    }
}
