package dev.recruitdesk.booking;

import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.domain.SlotStatus;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candidate's side of booking, as the bot drives it: registration, free times, a request, the ✅/❌/cancel
 * buttons and a reschedule. Every method runs in the caller's transaction (the bot's update transaction, which
 * also stores the update offset) and answers with an outcome the bot turns into words; the rules live here, and
 * the messages a booking change causes (details, reminders, thanks) are enqueued by {@link BookingService}.
 */
public final class CandidateJourney {

    private static final Logger log = LoggerFactory.getLogger(CandidateJourney.class);
    /** One word of a name: letters (Latin or Cyrillic), hyphen-joined parts allowed ("Анна-Мария"). */
    private static final Pattern NAME_WORD = Pattern.compile("[A-Za-zА-Яа-яЁё]+(?:-[A-Za-zА-Яа-яЁё]+)*");
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_REASON_LENGTH = 1000;

    /** A free slot as the candidate may pick it. */
    public record FreeSlot(long slotId, long recruiterId, Instant start, Duration duration) {
    }

    /** What became of a picked slot. */
    public sealed interface Pick permits Requested, Taken, AlreadyBooked {
    }

    /** The request was made (and approved at once when {@code booking.autoApprove} is on). */
    public record Requested(Booking booking, Slot slot) implements Pick {
    }

    /** Someone else got the slot first, or it is gone or past. */
    public record Taken() implements Pick {
    }

    /** The candidate already holds an active booking; they should change that one instead. */
    public record AlreadyBooked(Booking booking) implements Pick {
    }

    /** What became of a booking button. */
    public enum Outcome {
        DONE,
        /** The booking is already in the state the button asks for: nothing changed (a double press). */
        ALREADY_DONE,
        /** The presser is not the booking's candidate. */
        FORBIDDEN,
        /** The button belongs to an older revision of the booking. */
        STALE,
        /** The booking's state does not allow it any more (cancelled, rejected, not yet approved …). */
        NOT_ALLOWED,
        /** Too close to the interview to change it from the bot ({@code booking.changeCutoffMinutes}). */
        TOO_LATE,
        /** The chosen new slot was taken meanwhile. */
        TAKEN
    }

    /** A button's outcome with the booking as it is now (null when it does not exist). */
    public record Result(Outcome outcome, Booking booking) {
    }

    private final BookingService bookings;
    private final WaitingList waitingList;
    private final Clock clock;
    private final JourneySettings settings;

    public CandidateJourney(BookingService bookings, WaitingList waitingList, Clock clock, JourneySettings settings) {
        this.bookings = Objects.requireNonNull(bookings);
        this.waitingList = Objects.requireNonNull(waitingList);
        this.clock = Objects.requireNonNull(clock);
        this.settings = Objects.requireNonNull(settings);
    }

    public JourneySettings settings() {
        return settings;
    }

    // ---- registration

    /** The candidate bound to a Telegram user, or null. */
    public static Candidate candidateOfUser(Session s, long telegramUserId) {
        return s.createSelectionQuery("from Candidate where telegramUserId = :u", Candidate.class)
                .setParameter("u", telegramUserId).getResultList().stream().findFirst().orElse(null);
    }

    /** A full name of 2–4 words of letters (Latin or Cyrillic, hyphens inside words), spaces tidied; else empty. */
    public static Optional<String> normalizeName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] words = text.strip().split("\\s+");
        if (words.length < 2 || words.length > 4) {
            return Optional.empty();
        }
        for (String w : words) {
            if (!NAME_WORD.matcher(w).matches()) {
                return Optional.empty();
            }
        }
        String name = String.join(" ", words);
        return name.length() > MAX_NAME_LENGTH ? Optional.empty() : Optional.of(name);
    }

    /** Creates the candidate of a Telegram user, or updates the one already bound to them. */
    public Candidate register(Session s, long userId, long chatId, String username, Language language, String name, ZoneId zone) {
        Candidate c = candidateOfUser(s, userId);
        if (c == null) {
            c = new Candidate(name, zone);
            c.bindTelegram(userId, chatId, username);
            c.setLanguage(language);
            s.persist(c);
            s.flush();
            log.info("candidate.registered id={} user={} zone={} lang={}", c.getId(), userId, zone.getId(), language.code());
        } else {
            c.setName(name);
            c.setZone(zone);
            c.bindTelegram(userId, chatId, username);
            log.info("candidate.updated id={} user={} zone={}", c.getId(), userId, zone.getId());
        }
        return c;
    }

    // ---- free times

    /** Open slots in the future without an active booking, soonest first; of one recruiter when given. */
    public List<FreeSlot> freeSlots(Session s, Long recruiterId) {
        return s.createSelectionQuery("from Slot sl where sl.status = :open and sl.startAt > :now"
                                + (recruiterId == null ? "" : " and sl.recruiterId = :r")
                                + " and not exists (from Booking b where b.activeSlotId = sl.id) order by sl.startAt, sl.id", Slot.class)
                .setParameter("open", SlotStatus.OPEN)
                .setParameter("now", clock.instant())
                .setProperties(recruiterId == null ? java.util.Map.of() : java.util.Map.of("r", recruiterId))
                .getResultList().stream()
                .map(sl -> new FreeSlot(sl.getId(), sl.getRecruiterId(), sl.getStartAt(), sl.getDuration()))
                .toList();
    }

    /**
     * The free times to offer a candidate. With none, a candidate without an active booking goes on the waiting
     * list (and is told once when slots are published).
     */
    public List<FreeSlot> offer(Session s, Candidate candidate) {
        List<FreeSlot> free = freeSlots(s, null);
        if (free.isEmpty() && BookingService.activeOf(s, candidate.getId()) == null) {
            waitingList.join(s, candidate.getId());
        }
        return free;
    }

    /** The candidate's active booking, or null. */
    public Booking activeBooking(Session s, long candidateId) {
        return BookingService.activeOf(s, candidateId);
    }

    // ---- a request

    /** The candidate asks for {@code slotId}. */
    public Pick pick(Session s, Candidate candidate, long slotId) {
        Booking mine = BookingService.activeOf(s, candidate.getId());
        if (mine != null) {
            return new AlreadyBooked(mine);
        }
        Booking booking;
        try {
            booking = bookings.request(s, slotId, candidate.getId(), Actor.CANDIDATE);
        } catch (RuleViolation e) {
            if (e.messageKey().equals("booking.error.alreadyBooked")) {
                return new AlreadyBooked(BookingService.activeOf(s, candidate.getId()));
            }
            log.info("journey.pick.taken candidate={} slot={} reason={}", candidate.getId(), slotId, e.messageKey());
            return new Taken();
        }
        if (settings.autoApprove()) {
            bookings.approve(s, booking.getId(), Actor.SYSTEM);
        }
        waitingList.leave(s, candidate.getId());
        return new Requested(booking, s.find(Slot.class, booking.getSlotId()));
    }

    // ---- buttons on a booking

    /** ✅: the candidate confirms an approved booking. */
    public Result confirm(Session s, long presserUserId, long bookingId, int revision) {
        Result check = check(s, presserUserId, bookingId, revision, BookingStatus.CONFIRMED);
        if (check != null) {
            return check;
        }
        return new Result(Outcome.DONE, bookings.confirm(s, bookingId));
    }

    /** ❌: the candidate cannot come; the slot is free again at once and their pending messages are withdrawn. */
    public Result decline(Session s, long presserUserId, long bookingId, int revision) {
        Result check = check(s, presserUserId, bookingId, revision, BookingStatus.DECLINED);
        if (check != null) {
            return check;
        }
        return new Result(Outcome.DONE, bookings.decline(s, bookingId, null));
    }

    /** Cancel from /my: refused within the change cut-off before the interview. */
    public Result cancel(Session s, long presserUserId, long bookingId, int revision) {
        Result check = check(s, presserUserId, bookingId, revision, BookingStatus.CANCELLED);
        if (check != null) {
            return check;
        }
        Booking b = s.find(Booking.class, bookingId);
        if (tooLate(s, b)) {
            return new Result(Outcome.TOO_LATE, b);
        }
        return new Result(Outcome.DONE, bookings.cancel(s, bookingId, Actor.CANDIDATE, null));
    }

    /** "Another time" from /my: may the candidate start picking a new time for this booking revision? */
    public Result mayReschedule(Session s, long presserUserId, long bookingId, int revision) {
        Result check = check(s, presserUserId, bookingId, revision, null);
        if (check != null) {
            return check;
        }
        Booking b = s.find(Booking.class, bookingId);
        return new Result(tooLate(s, b) ? Outcome.TOO_LATE : Outcome.DONE, b);
    }

    /**
     * Moves the booking (as of {@code revision}) to {@code newSlotId}: revision+1, the old slot free, the pending
     * messages of the old revision withdrawn.
     */
    public Result reschedule(Session s, long presserUserId, long bookingId, int revision, long newSlotId) {
        Result check = mayReschedule(s, presserUserId, bookingId, revision);
        if (check.outcome() != Outcome.DONE) {
            return check;
        }
        Booking b;
        try {
            b = bookings.reschedule(s, bookingId, newSlotId, Actor.CANDIDATE);
        } catch (RuleViolation e) {
            log.info("journey.reschedule.taken booking={} slot={} reason={}", bookingId, newSlotId, e.messageKey());
            return new Result(Outcome.TAKEN, s.find(Booking.class, bookingId));
        }
        return new Result(b.getRevision() == revision ? Outcome.ALREADY_DONE : Outcome.DONE, b);
    }

    /** The candidate's reason after ❌, kept in the booking's history for the recruiter. */
    public void recordReason(Session s, long bookingId, String reason) {
        String text = reason.strip();
        bookings.note(s, bookingId, Actor.CANDIDATE, "reason: " + (text.length() > MAX_REASON_LENGTH - 8
                ? text.substring(0, MAX_REASON_LENGTH - 9) + "…" : text));
    }

    /** The slot of a booking. */
    public Slot slotOf(Session s, Booking booking) {
        return s.find(Slot.class, booking.getSlotId());
    }

    /**
     * The common refusals: no such booking, another presser, an older revision, a state that does not allow
     * {@code target} (a booking already there is ALREADY_DONE). Locks the booking. Null when the button may act.
     */
    private Result check(Session s, long presserUserId, long bookingId, int revision, BookingStatus target) {
        Booking b = s.find(Booking.class, bookingId, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            return new Result(Outcome.NOT_ALLOWED, null);
        }
        Candidate owner = s.find(Candidate.class, b.getCandidateId());
        if (owner == null || owner.getTelegramUserId() == null || owner.getTelegramUserId() != presserUserId) {
            log.warn("journey.button.forbidden booking={} presser={}", bookingId, presserUserId);
            return new Result(Outcome.FORBIDDEN, b);
        }
        if (b.getRevision() != revision) {
            log.info("journey.button.stale booking={} revision={} current={}", bookingId, revision, b.getRevision());
            return new Result(Outcome.STALE, b);
        }
        if (target != null && b.getStatus() == target) {
            return new Result(Outcome.ALREADY_DONE, b);
        }
        if (target == null ? !b.getStatus().isActive() : !b.getStatus().canBecome(target) || !allowedForCandidate(b.getStatus(), target)) {
            log.info("journey.button.notAllowed booking={} status={} target={}", bookingId, b.getStatus(), target);
            return new Result(Outcome.NOT_ALLOWED, b);
        }
        return null;
    }

    /** A candidate confirms only an approved booking (a request awaits the recruiter first). */
    private static boolean allowedForCandidate(BookingStatus from, BookingStatus target) {
        return target != BookingStatus.CONFIRMED || from == BookingStatus.APPROVED;
    }

    private boolean tooLate(Session s, Booking b) {
        Slot slot = s.find(Slot.class, b.getSlotId());
        return !clock.instant().isBefore(slot.getStartAt().minus(settings.changeCutoff()));
    }
}
