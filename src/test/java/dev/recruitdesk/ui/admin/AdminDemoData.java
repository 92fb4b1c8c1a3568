package dev.recruitdesk.ui.admin;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Six weeks of interviews for the admin screens' screenshots: bookings requested, approved, confirmed, attended or
 * missed, reminders delivered (outbox rows marked SENT at their due time), a few failed and one ambiguous message.
 */
public final class AdminDemoData {

    private static final List<String> NAMES = List.of("Мария Иванова", "Анна Петрова", "Дмитрий Соколов", "Елена Кузнецова",
            "Иван Смирнов", "Ольга Морозова", "Павел Волков", "Ксения Лебедева", "Сергей Новиков", "Наталья Фёдорова",
            "Алексей Попов", "Татьяна Васильева");

    private AdminDemoData() {
    }

    public static void seed(Path home, Instant now, ZoneId zone) {
        MutableClock clock = new MutableClock(now.minus(Duration.ofDays(45)));
        try (Backend b = AppContext.forHome(home, clock).openBackend()) {
            b.recruiters().updateProfile(b.currentRecruiterId(), "Анна Смирнова", zone.getId(), "https://meet.example.com/rd");
            LocalDate today = LocalDate.ofInstant(now, zone);
            int n = 0;
            for (int daysAgo = 30; daysAgo >= -1; daysAgo -= daysAgo > 3 ? 3 : 1) {
                for (int k = 0; k < 2; k++) {
                    n++;
                    LocalDate day = today.minusDays(daysAgo);
                    Instant start = day.atTime(LocalTime.of(10 + 3 * k, k == 0 ? 0 : 30)).atZone(zone).toInstant();
                    clock.set(start.minus(Duration.ofDays(2)).minus(Duration.ofHours(n % 5)));
                    SlotRow slot = b.slots().create(b.currentRecruiterId(), start, Duration.ofMinutes(30), "https://meet.example.com/rd");
                    long candidate = candidate(b, NAMES.get(n % NAMES.size()), 7_000_000L + n);
                    BookingService bookings = b.bookings();
                    long booking = bookings.request(slot.id(), candidate, Actor.CANDIDATE).getId();
                    if (n % 7 == 3 && daysAgo < 3) {
                        continue; // still waiting for approval
                    }
                    clock.advance(Duration.ofMinutes(20 + 15 * (n % 6)));
                    bookings.approve(booking);
                    sendDue(b, clock.instant());
                    if (n % 3 != 0) {
                        clock.set(start.minus(Duration.ofHours(n % 2 == 0 ? 20 : 1)).minus(Duration.ofMinutes(50)));
                        if (!clock.instant().isAfter(now)) {
                            sendDue(b, clock.instant());
                            bookings.confirm(booking);
                            sendDue(b, clock.instant());
                        }
                    }
                    if (start.plus(Duration.ofHours(1)).isBefore(now)) {
                        clock.set(start.plus(Duration.ofHours(1)));
                        sendDue(b, start);
                        bookings.markOutcome(booking, n % 3 == 0 && n % 2 == 0 || n % 5 == 0 ? BookingStatus.NO_SHOW : BookingStatus.ATTENDED);
                    }
                }
            }
            clock.set(now);
            sendDue(b, now);
            spoil(b);
        }
    }

    private static long candidate(Backend b, String name, long chat) {
        long id = b.candidates().create(name, "Europe/Moscow").getId();
        b.database().run(s -> s.find(Candidate.class, id).bindTelegram(chat, chat, null));
        return id;
    }

    /** Marks the messages due by {@code t} delivered at their due time, as a dispatcher would have. */
    private static void sendDue(Backend b, Instant t) {
        b.database().run(s -> s.doWork(c -> {
            update(c, "INSERT INTO delivery_attempt (message_id, attempt_no, started_at, latency_ms, outcome) "
                    + "SELECT id, 1, due_at, 180, 'SENT' FROM outbox_message WHERE status = 'PENDING' AND due_at <= ?", t);
            update(c, "UPDATE outbox_message SET status = 'SENT', sent_at = due_at, attempts = 1, updated_at = due_at "
                    + "WHERE status = 'PENDING' AND due_at <= ?", t);
        }));
    }

    /** A few messages failed (the candidate blocked the bot) and one got no answer. */
    private static void spoil(Backend b) {
        b.database().run(s -> s.doWork(c -> {
            update(c, "UPDATE outbox_message SET status = 'FAILED', last_error = '403 Forbidden: bot was blocked by the user' "
                    + "WHERE status = 'SENT' AND MOD(id, 9) = 4");
            update(c, "UPDATE outbox_message SET status = 'AMBIGUOUS', last_error = 'no answer after the request was written' "
                    + "WHERE status = 'SENT' AND MOD(id, 13) = 5");
            update(c, "UPDATE delivery_attempt SET outcome = 'UNREACHABLE', error = '403 Forbidden: bot was blocked by the user' "
                    + "WHERE message_id IN (SELECT id FROM outbox_message WHERE status = 'FAILED')");
            update(c, "UPDATE delivery_attempt SET outcome = 'MAYBE_DELIVERED', error = 'read timed out' "
                    + "WHERE message_id IN (SELECT id FROM outbox_message WHERE status = 'AMBIGUOUS')");
        }));
    }

    private static void update(Connection c, String sql, Object... args) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, java.time.OffsetDateTime.ofInstant((Instant) args[i], java.time.ZoneOffset.UTC));
            }
            ps.executeUpdate();
        }
    }
}
