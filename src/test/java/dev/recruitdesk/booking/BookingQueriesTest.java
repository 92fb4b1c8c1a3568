package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.delivery.DeliveryOps;
import dev.recruitdesk.delivery.OutboxSignal;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.store.Database;
import dev.recruitdesk.store.TestDatabases;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's read models, and invites as the console uses them, on an H2 file. */
class BookingQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(NOW);
    private Database db;
    private BookingService bookings;
    private SlotService slots;
    private BookingQueries queries;
    private CandidateService candidates;
    private long recruiter;

    @BeforeEach
    void open() {
        db = TestDatabases.h2(dir);
        bookings = TestBookings.service(db, clock);
        slots = new SlotService(db, clock);
        candidates = new CandidateService(db);
        queries = new BookingQueries(db, clock, new DeliveryOps(db, clock, new OutboxSignal()));
        recruiter = new RecruiterService(db).ensureDefault("Anna", ZoneId.of("Europe/Moscow")).getId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long boundCandidate(String name, long chat) {
        long id = candidates.create(TestCallers.ADMIN, name, "Asia/Omsk").getId();
        db.run(s -> s.find(Candidate.class, id).bindTelegram(chat, chat, null));
        return id;
    }

    private long slot(Duration fromNow) {
        return slots.create(TestCallers.ADMIN, recruiter, NOW.plus(fromNow), Duration.ofMinutes(30), null).id();
    }

    @Test
    void requestsAreTheRecruitersWaitingBookingsOldestFirst() {
        Booking first = bookings.request(slot(Duration.ofDays(3)), boundCandidate("First", 1), Actor.CANDIDATE);
        clock.advance(Duration.ofMinutes(1));
        Booking second = bookings.request(slot(Duration.ofDays(1)), boundCandidate("Second", 2), Actor.CANDIDATE);
        Booking approved = bookings.request(slot(Duration.ofDays(2)), boundCandidate("Approved", 3), Actor.CANDIDATE);
        TestBookings.approve(bookings, approved.getId());

        List<BookingRow> rows = queries.requests(TestCallers.ADMIN, recruiter);

        assertThat(rows).extracting(BookingRow::bookingId).containsExactly(first.getId(), second.getId());
        assertThat(rows.get(0).candidateName()).isEqualTo("First");
        assertThat(rows.get(0).candidateZone()).isEqualTo(ZoneId.of("Asia/Omsk"));
        assertThat(queries.attention(TestCallers.ADMIN, recruiter).requests()).isEqualTo(2);
    }

    @Test
    void bookingsFilterByPeriodStatusAndConfirmation() {
        Booking past = bookings.request(slot(Duration.ofHours(1)), boundCandidate("Past", 1), Actor.CANDIDATE);
        TestBookings.approve(bookings, past.getId());
        Booking future = bookings.request(slot(Duration.ofDays(1)), boundCandidate("Future", 2), Actor.CANDIDATE);
        TestBookings.approve(bookings, future.getId());
        bookings.confirm(future.getId());
        clock.advance(Duration.ofHours(2));

        assertThat(queries.bookings(TestCallers.ADMIN, recruiter, new BookingFilter(clock.instant(), null, Set.of(), null, 100)))
                .extracting(BookingRow::candidateName).containsExactly("Future");
        assertThat(queries.bookings(TestCallers.ADMIN, recruiter, new BookingFilter(null, clock.instant(), Set.of(), null, 100)))
                .extracting(BookingRow::candidateName).containsExactly("Past");
        assertThat(queries.bookings(TestCallers.ADMIN, recruiter, new BookingFilter(null, null, Set.of(), true, 100)))
                .extracting(BookingRow::candidateName).containsExactly("Future");
        assertThat(queries.bookings(TestCallers.ADMIN, recruiter, new BookingFilter(null, null, Set.of(BookingStatus.APPROVED), null, 100)))
                .extracting(BookingRow::candidateName).containsExactly("Past");
    }

    @Test
    void candidatesCarryTheirLatestBookingState() {
        long a = boundCandidate("Alpha", 1);
        candidates.create(TestCallers.ADMIN, "Beta", "Europe/Moscow", "beta_user", "+7 900 000-00-00");
        Booking b = bookings.request(slot(Duration.ofDays(1)), a, Actor.CANDIDATE);
        bookings.decline(b.getId(), "busy");
        bookings.request(slot(Duration.ofDays(2)), a, Actor.CANDIDATE);

        List<CandidateRow> rows = queries.candidates(TestCallers.ADMIN);

        assertThat(rows).extracting(CandidateRow::name).containsExactly("Alpha", "Beta");
        assertThat(rows.get(0).latestStatus()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(rows.get(0).hasChat()).isTrue();
        assertThat(rows.get(1).latestStatus()).isNull();
        assertThat(rows.get(1).searchText()).contains("@beta_user").contains("+79000000000");
        assertThat(rows).noneMatch(CandidateRow::waiting);
    }

    @Test
    void candidatesOnTheWaitingListAreMarkedUntilTheyBook() {
        long a = boundCandidate("Alpha", 1);
        dev.recruitdesk.telegram.TemplateCatalog catalog = new dev.recruitdesk.telegram.TemplateCatalog();
        dev.recruitdesk.telegram.MessageRenderer renderer =
                new dev.recruitdesk.telegram.MessageRenderer(new TemplateService(db, clock, catalog), catalog);
        dev.recruitdesk.telegram.Keyboards keyboards = new dev.recruitdesk.telegram.Keyboards(
                dev.recruitdesk.telegram.CallbackCodec.fromBase64Key(dev.recruitdesk.telegram.CallbackCodec.generateKey()), renderer);
        WaitingList waitingList = new WaitingList(db, new dev.recruitdesk.delivery.Outbox(clock, new OutboxSignal()),
                new dev.recruitdesk.telegram.TelegramNotices(renderer, keyboards), clock);
        db.run(s -> waitingList.join(s, a));
        assertThat(queries.candidate(TestCallers.ADMIN, a).waiting()).isTrue();

        db.run(s -> waitingList.leave(s, a));
        assertThat(queries.candidate(TestCallers.ADMIN, a).waiting()).isFalse();
    }

    @Test
    void theTimelineHoldsChangesWithReasonsAndQueuedMessagesNewestFirst() {
        long a = boundCandidate("Alpha", 1);
        Booking b = bookings.request(slot(Duration.ofDays(1)), a, Actor.CANDIDATE);
        clock.advance(Duration.ofMinutes(1));
        TestBookings.approve(bookings, b.getId());
        clock.advance(Duration.ofMinutes(1));
        bookings.decline(b.getId(), "I got a cold");

        List<TimelineEntry> timeline = queries.timeline(TestCallers.ADMIN, a);

        assertThat(timeline.get(0)).isInstanceOf(TimelineEntry.MessageQueued.class);
        assertThat(timeline).filteredOn(TimelineEntry.StatusChange.class::isInstance).map(TimelineEntry.StatusChange.class::cast)
                .extracting(TimelineEntry.StatusChange::to, TimelineEntry.StatusChange::actor, TimelineEntry.StatusChange::note)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(BookingStatus.DECLINED, Actor.CANDIDATE, "I got a cold"),
                        org.assertj.core.groups.Tuple.tuple(BookingStatus.APPROVED, Actor.RECRUITER, null),
                        org.assertj.core.groups.Tuple.tuple(BookingStatus.REQUESTED, Actor.CANDIDATE, null));
        assertThat(timeline).filteredOn(TimelineEntry.MessageQueued.class::isInstance).map(e -> ((TimelineEntry.MessageQueued) e).kind())
                .contains("approved", "declined");
    }

    @Test
    void anInviteCodeBindsOneChatOnceWithinSevenDays() {
        InviteService invites = new InviteService(db, clock);
        long c = candidates.create(TestCallers.ADMIN, "Invited", "Europe/Moscow").getId();
        String code = invites.create(TestCallers.ADMIN, c);
        String stale = invites.create(TestCallers.ADMIN, c);

        assertThat(InviteService.link("bot", code)).isEqualTo("https://t.me/bot?start=" + code);
        assertThat(redeems(invites, code, 55)).isTrue();
        assertThat(redeems(invites, code, 55)).isTrue();
        assertThat(redeems(invites, code, 66)).isFalse();
        clock.advance(InviteService.VALID_FOR);
        assertThat(redeems(invites, stale, 77)).isFalse();
        Long chat = db.inTransaction(s -> s.find(Candidate.class, c).getChatId());
        assertThat(chat).isEqualTo(55L);
    }

    private boolean redeems(InviteService invites, String code, long user) {
        Boolean bound = db.inTransaction(s -> invites.redeem(s, code, user, user, "user" + user, Language.EN).outcome()
                == InviteService.Outcome.BOUND);
        return bound;
    }
}
