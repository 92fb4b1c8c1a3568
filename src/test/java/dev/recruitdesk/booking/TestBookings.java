package dev.recruitdesk.booking;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.telegram.CallbackCodec;
import dev.recruitdesk.telegram.Keyboards;
import dev.recruitdesk.telegram.MessageRenderer;
import dev.recruitdesk.telegram.TelegramComposer;
import dev.recruitdesk.telegram.TemplateCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The booking use cases wired as in the app: the real outbox and the bot's real message composer. */
public final class TestBookings {

    private TestBookings() {
    }

    public static BookingService service(Database db, Clock clock) {
        return service(db, clock, new OutboxSignal(), CallbackCodec.fromBase64Key(CallbackCodec.generateKey()));
    }

    public static BookingService service(Database db, Clock clock, OutboxSignal signal, CallbackCodec codec) {
        return new BookingService(db, clock, new Outbox(clock, signal), composer(db, clock, codec), new BookingChanges());
    }

    public static TelegramComposer composer(Database db, Clock clock, CallbackCodec codec) {
        TemplateCatalog catalog = new TemplateCatalog();
        MessageRenderer renderer = new MessageRenderer(new TemplateService(db, clock, catalog), catalog);
        return new TelegramComposer(renderer, new Keyboards(codec, renderer));
    }

    // The console's booking actions as a test that is not about scope or concurrency runs them: as the admin, on
    // the version the booking has right now (what a console that just loaded the row would send).

    public static long version(BookingService bookings, long bookingId) {
        return bookings.find(bookingId).getVersion();
    }

    /** The bookings' current versions, in the given order (what a console that just loaded them would send). */
    public static java.util.Map<Long, Long> versions(BookingService bookings, java.util.List<Long> bookingIds) {
        java.util.Map<Long, Long> seen = new java.util.LinkedHashMap<>();
        bookingIds.forEach(id -> seen.put(id, version(bookings, id)));
        return seen;
    }

    public static Booking approve(BookingService bookings, long bookingId) {
        return bookings.approve(TestCallers.ADMIN, bookingId, version(bookings, bookingId));
    }

    public static Booking reject(BookingService bookings, long bookingId, String note) {
        return bookings.reject(TestCallers.ADMIN, bookingId, version(bookings, bookingId), note);
    }

    /** {@code actor} must be the recruiter: the console cancels as the recruiter (the bot's path is the Session one). */
    public static Booking cancel(BookingService bookings, long bookingId, Actor actor, String note) {
        if (actor != Actor.RECRUITER) {
            throw new IllegalArgumentException("The console cancels as the recruiter, not " + actor);
        }
        return bookings.cancel(TestCallers.ADMIN, bookingId, version(bookings, bookingId), note);
    }

    public static Booking markOutcome(BookingService bookings, long bookingId, BookingStatus outcome) {
        return bookings.markOutcome(TestCallers.ADMIN, bookingId, version(bookings, bookingId), outcome);
    }

    public static Booking reschedule(BookingService bookings, long bookingId, long newSlotId, Actor actor) {
        if (actor != Actor.RECRUITER) {
            throw new IllegalArgumentException("The console reschedules as the recruiter, not " + actor);
        }
        return bookings.reschedule(TestCallers.ADMIN, bookingId, version(bookings, bookingId), newSlotId);
    }

    public static Booking rescheduleInPlace(BookingService bookings, long bookingId, Instant start, Duration duration, Actor actor) {
        if (actor != Actor.RECRUITER) {
            throw new IllegalArgumentException("The console reschedules as the recruiter, not " + actor);
        }
        return bookings.rescheduleInPlace(TestCallers.ADMIN, bookingId, version(bookings, bookingId), start, duration);
    }
}
