package dev.recruitdesk.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recruitdesk.MutableClock;
import dev.recruitdesk.accounts.AccessDenied;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.Config;
import dev.recruitdesk.delivery.MessageQuery;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.OutboxMessage;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.reminders.ReminderPolicy;
import dev.recruitdesk.store.DatabaseSettings;
import dev.recruitdesk.store.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Team-mode scope on a real PostgreSQL database, through the console's use cases as the app wires them: recruiter
 * Anna can neither change nor read recruiter Boris's slots, bookings, candidates and messages, nor the admin-only
 * settings; an admin can. Every console use case is one row of {@link #changes()} or {@link #reads()}: a new use
 * case without a scope check shows up as soon as its row is added.
 */
class ConsoleScopeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @TempDir
    static Path home;
    private static final MutableClock clock = new MutableClock(NOW);
    private static Backend backend;
    private static long anna;
    private static long boris;
    private static Caller annaCaller;
    private static Caller borisCaller;
    private static Caller admin;
    private static MessageActions messageActions;
    private static final AtomicLong hours = new AtomicLong();
    private static final AtomicLong tomorrowSlots = new AtomicLong();

    @BeforeAll
    static void open() throws IOException {
        DatabaseSettings pg = TestDatabases.freshPostgres();
        Files.writeString(home.resolve(Config.FILE_NAME), String.join("\n",
                "db.url=" + pg.url(), "db.user=" + pg.user(), "db.password=" + pg.password(),
                // a team console needs the team's key to sign the bot's buttons (approvals enqueue them)
                "secrets.key=c2VjcmV0cy1rZXktZm9yLXRoZS1zY29wZS10ZXN0cyE=", ""));
        backend = AppContext.forHome(home, clock).openBackend();
        anna = backend.currentRecruiterId();
        boris = backend.database().inTransaction(s -> {
            Recruiter r = new Recruiter("Boris", MOSCOW);
            s.persist(r);
            return r.getId();
        });
        annaCaller = TestCallers.recruiter("Anna", anna);
        borisCaller = TestCallers.recruiter("Boris", boris);
        admin = new Caller(null, "Admin", Role.ADMIN, anna);
        messageActions = new MessageActions(backend.database(), backend.deliveryOps(), clock);
    }

    @AfterAll
    static void close() {
        backend.close();
    }

    /** Fresh rows of Boris's for one case: a free slot, an approved booking with messages, a request, their candidates. */
    private record Rows(long freeSlot, long freeSlotVersion, Booking approved, Booking requested, long candidate, long message) {
    }

    private static Rows borisRows() {
        Instant start = NOW.plus(Duration.ofDays(2)).plus(Duration.ofHours(hours.getAndAdd(3)));
        SlotService slots = backend.slots();
        SlotRow free = slots.create(borisCaller, boris, start, Duration.ofMinutes(30), null);
        long bookedSlot = slots.create(borisCaller, boris, start.plus(Duration.ofMinutes(40)), Duration.ofMinutes(30), null).id();
        long requestedSlot = slots.create(borisCaller, boris, start.plus(Duration.ofMinutes(80)), Duration.ofMinutes(30), null).id();
        long candidate = candidateWithChat(borisCaller, "Ivan " + start);
        long other = candidateWithChat(borisCaller, "Olga " + start);
        BookingService bookings = backend.bookings();
        Booking approved = bookings.request(bookedSlot, candidate, Actor.CANDIDATE);
        approved = bookings.approve(borisCaller, approved.getId(), approved.getVersion());
        Booking requested = bookings.request(requestedSlot, other, Actor.CANDIDATE);
        long bookingId = approved.getId();
        long message = backend.database().inTransaction(s -> s.createSelectionQuery(
                "from OutboxMessage where bookingId = :b order by id", OutboxMessage.class).setParameter("b", bookingId)
                .setMaxResults(1).getSingleResult().getId());
        return new Rows(free.id(), free.version(), approved, requested, candidate, message);
    }

    /** A start tomorrow in Moscow (the dashboard's "tomorrow"), a different one on each call. */
    private static Instant tomorrow() {
        return NOW.plus(Duration.ofHours(20)).plus(Duration.ofMinutes(20 * tomorrowSlots.getAndIncrement()));
    }

    private static long candidateWithChat(Caller who, String name) {
        long id = backend.candidates().create(who, name, "Europe/Moscow").getId();
        backend.database().run(s -> s.find(Candidate.class, id).bindTelegram(id + 7000, id + 7000, null));
        return id;
    }

    /** A console command run by {@code caller} on Boris's fresh rows. */
    @FunctionalInterface
    interface Command {
        Object run(Caller caller, Rows rows);
    }

    static Stream<Arguments> changes() {
        Instant later = NOW.plus(Duration.ofDays(30));
        return Stream.of(
                change("slot.create", (c, r) -> backend.slots().create(c, boris, later, Duration.ofMinutes(30), null)),
                change("slot.createMany", (c, r) -> backend.slots().createMany(c, boris,
                        List.of(new SlotDraft(later.plus(Duration.ofHours(2)), Duration.ofMinutes(30), null)))),
                change("slot.list", (c, r) -> backend.slots().list(c, boris, NOW, later)),
                change("slot.move", (c, r) -> backend.slots().move(c, r.freeSlot(), r.freeSlotVersion(), later.plus(Duration.ofHours(4)),
                        Duration.ofMinutes(30))),
                change("slot.delete", (c, r) -> {
                    backend.slots().delete(c, r.freeSlot());
                    return null;
                }),
                change("booking.approve", (c, r) -> backend.bookings().approve(c, r.requested().getId(), r.requested().getVersion())),
                change("booking.approveAll", (c, r) -> backend.bookings().approveAll(c,
                        Map.of(r.requested().getId(), r.requested().getVersion()))),
                change("booking.reject", (c, r) -> backend.bookings().reject(c, r.requested().getId(), r.requested().getVersion(), "no")),
                change("booking.reschedule", (c, r) -> backend.bookings().reschedule(c, r.approved().getId(), r.approved().getVersion(),
                        r.freeSlot())),
                change("booking.rescheduleInPlace", (c, r) -> backend.bookings().rescheduleInPlace(c, r.approved().getId(),
                        r.approved().getVersion(), later.plus(Duration.ofHours(6)), Duration.ofMinutes(30))),
                change("booking.cancel", (c, r) -> backend.bookings().cancel(c, r.approved().getId(), r.approved().getVersion(), "moved")),
                change("booking.outcome", (c, r) -> {
                    clock.set(NOW.plus(Duration.ofDays(60)));
                    try {
                        return backend.bookings().markOutcome(c, r.approved().getId(), r.approved().getVersion(), BookingStatus.ATTENDED);
                    } finally {
                        clock.set(NOW);
                    }
                }),
                change("booking.note", (c, r) -> {
                    backend.bookings().note(c, r.approved().getId(), "called them");
                    return null;
                }),
                change("queries.booking", (c, r) -> backend.queries().booking(c, r.approved().getId())),
                change("queries.openSlots", (c, r) -> backend.queries().openSlots(c, boris, 10)),
                change("queries.requests of Boris", (c, r) -> backend.queries().requests(c, boris)),
                change("queries.timeline", (c, r) -> backend.queries().timeline(c, r.candidate())),
                change("queries.candidate", (c, r) -> backend.queries().candidate(c, r.candidate())),
                change("invites.create", (c, r) -> backend.invites().create(c, r.candidate())),
                change("messages.send", (c, r) -> backend.recruiterMessages().sendMessageToCandidate(c, r.candidate(), "Hello")),
                change("message.resend", (c, r) -> messageActions.resend(c, r.message())),
                change("message.cancel", (c, r) -> messageActions.cancel(c, r.message())),
                change("recruiter.profile", (c, r) -> backend.recruiters().updateProfile(c, boris, "Boris", "Europe/Moscow", null)),
                change("dashboard of Boris", (c, r) -> backend.dashboard().dashboard(c, boris, MOSCOW)),
                change("template.save", (c, r) -> backend.templates().save(c, "help", Language.EN, "Ask us anything.")),
                change("template.revert", (c, r) -> backend.templates().revert(c, "help", Language.EN, 0)),
                change("policy.update", (c, r) -> backend.reminderPolicy().save(c, ReminderPolicy.defaults())));
    }

    private static Arguments change(String name, Command command) {
        return Arguments.of(name, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aRecruiterCannotTouchAnotherRecruitersRowsAndAnAdminCan(String name, Command command) {
        Rows rows = borisRows();
        long audited = auditRows();
        assertThatThrownBy(() -> command.run(annaCaller, rows)).as(name).isInstanceOf(AccessDenied.class);
        assertThat(auditRows()).as("a refusal changes nothing and audits nothing").isEqualTo(audited);

        Rows fresh = borisRows();
        assertThatCode(() -> command.run(admin, fresh)).as(name).doesNotThrowAnyException();
    }

    /** What each read shows: the ids of the bookings or candidates it returned. */
    static Stream<Arguments> reads() {
        Function<Caller, Set<Long>> requests = c -> ids(backend.queries().requests(c, null).stream().map(BookingRow::bookingId));
        Function<Caller, Set<Long>> bookings = c -> ids(backend.queries().bookings(c, null,
                new BookingFilter(null, null, Set.of(), null, 10_000)).stream().map(BookingRow::bookingId));
        Function<Caller, Set<Long>> export = c -> ids(backend.dashboard().bookingsBetween(c, null, NOW, NOW.plus(Duration.ofDays(400)))
                .stream().map(BookingFact::bookingId));
        Function<Caller, Set<Long>> dashboard = c -> ids(Stream.concat(
                backend.dashboard().dashboard(c, null, MOSCOW).today().stream(), backend.dashboard().dashboard(c, null, MOSCOW).tomorrow().stream())
                .map(BookingFact::bookingId));
        Function<Caller, Set<Long>> candidates = c -> ids(backend.queries().candidates(c).stream().map(CandidateRow::id));
        return Stream.of(
                Arguments.of("requests", requests, true),
                Arguments.of("bookings", bookings, true),
                Arguments.of("dashboard CSV export", export, true),
                Arguments.of("dashboard today and tomorrow", dashboard, true),
                Arguments.of("candidates", candidates, false));
    }

    private static Set<Long> ids(Stream<Long> ids) {
        return ids.collect(java.util.stream.Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void aRecruitersListsHoldOnlyTheirOwnRowsAndAnAdminsHoldEveryones(String name, Function<Caller, Set<Long>> read, boolean bookingIds) {
        clock.set(NOW);
        Rows borisRows = borisRows();
        // Anna's own request for tomorrow, with her own candidate
        SlotRow annaSlot = backend.slots().create(annaCaller, anna, tomorrow(),
                Duration.ofMinutes(15), null);
        long annaCandidate = candidateWithChat(annaCaller, "Anna's candidate " + annaSlot.id());
        Booking annaBooking = backend.bookings().request(annaSlot.id(), annaCandidate, Actor.CANDIDATE);
        // Boris's request for tomorrow too, so the dashboard's "tomorrow" would show it if it leaked
        SlotRow borisSlot = backend.slots().create(borisCaller, boris, tomorrow(),
                Duration.ofMinutes(15), null);
        Booking borisTomorrow = backend.bookings().request(borisSlot.id(), candidateWithChat(borisCaller, "Boris's candidate " + borisSlot.id()),
                Actor.CANDIDATE);

        Set<Long> mine = bookingIds ? Set.of(annaBooking.getId()) : Set.of(annaCandidate);
        Set<Long> his = bookingIds ? Set.of(borisTomorrow.getId()) : Set.of(borisRows.candidate());

        Set<Long> annaSees = read.apply(annaCaller);
        assertThat(annaSees).as(name).containsAll(mine).doesNotContainAnyElementsOf(his);
        assertThat(read.apply(admin)).as(name).containsAll(mine).containsAll(his);
    }

    @Test
    void theDeliveryListShowsARecruiterOnlyTheMessagesOfTheirWork() {
        clock.set(NOW);
        Rows borisRows = borisRows();
        long annaCandidate = candidateWithChat(annaCaller, "Anna's messaged candidate " + borisRows.message());
        backend.recruiterMessages().sendMessageToCandidate(annaCaller, annaCandidate, "See you soon");
        long annaMessage = backend.database().inTransaction(s -> s.createSelectionQuery(
                "from OutboxMessage where candidateId = :c and bookingId is null", OutboxMessage.class)
                .setParameter("c", annaCandidate).getSingleResult().getId());

        Function<Long, Set<Long>> listed = onlyRecruiter -> ids(backend.deliveryOps()
                .list(MessageQuery.all().withRecruiterId(onlyRecruiter).page(0, 10_000)).stream().map(OutboxMessage::getId));
        assertThat(listed.apply(anna)).contains(annaMessage).doesNotContain(borisRows.message());
        assertThat(listed.apply(boris)).contains(borisRows.message()).doesNotContain(annaMessage);
        assertThat(listed.apply(null)).contains(annaMessage, borisRows.message());
        assertThat(backend.deliveryOps().count(MessageQuery.all().withRecruiterId(anna))).isEqualTo(listed.apply(anna).size());
    }

    @Test
    void theAttentionCountsAreScopedToo() {
        borisRows();
        assertThat(backend.queries().attention(borisCaller, null).requests()).isPositive();
        long annasOwn = backend.queries().requests(annaCaller, null).size();
        assertThat(backend.queries().attention(annaCaller, null).requests()).isEqualTo(annasOwn);
        assertThat(backend.queries().attention(admin, null).requests()).isEqualTo(backend.queries().requests(admin, null).size());
    }

    @Test
    void aCandidateInvitedByARecruiterIsInTheirScopeWithoutABooking() {
        long invited = backend.database().inTransaction(s -> {
            Candidate c = new Candidate("Started the bot on their own", MOSCOW);
            s.persist(c);
            return c.getId();
        });
        assertThatThrownBy(() -> backend.invites().create(annaCaller, invited)).isInstanceOf(AccessDenied.class);
        assertThat(backend.queries().candidates(annaCaller)).extracting(CandidateRow::id).doesNotContain(invited);
        // the admin works as Anna: their invitation puts the candidate in Anna's scope
        backend.invites().create(admin, invited);
        assertThat(backend.queries().candidates(annaCaller)).extracting(CandidateRow::id).contains(invited);
        assertThat(backend.queries().candidates(borisCaller)).extracting(CandidateRow::id).doesNotContain(invited);
        backend.invites().create(annaCaller, invited);
    }

    private static long auditRows() {
        return backend.database().inTransaction(s -> s.createSelectionQuery("select count(*) from AuditEntry", Long.class).getSingleResult());
    }
}
