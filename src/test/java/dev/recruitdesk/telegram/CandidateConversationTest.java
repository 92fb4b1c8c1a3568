package dev.recruitdesk.telegram;

import static dev.recruitdesk.telegram.JourneyFixture.NOW;
import static dev.recruitdesk.telegram.JourneyFixture.slotButton;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.JourneySettings;
import dev.recruitdesk.booking.TestBookings;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingEvent;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.BotOffset;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.sandbox.FakeMessage;
import dev.recruitdesk.sandbox.FakeUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The candidate's journey end to end over real HTTP: FakeBotApi, BotGateway, UpdatePoller, outbox, H2 file. */
class CandidateConversationTest {

    private static final Instant DAY1 = Instant.parse("2026-12-03T06:00:00Z"); // 09:00 in Moscow
    private static final Instant DAY2 = Instant.parse("2026-12-04T06:00:00Z");
    private static final FakeUser ANNA = FakeUser.privateChat(7001, "Anna", "anna_s");
    private static final FakeUser BORIS = FakeUser.privateChat(7002, "Boris", null);

    @TempDir
    Path dir;
    private JourneyFixture f;

    private JourneyFixture start(JourneySettings settings) {
        f = new JourneyFixture(dir, settings);
        f.startPoller();
        return f;
    }

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void twentyCandidatesBookInParallelAndTheLoserOfOneSlotGetsAFreshList() throws Exception {
        start(JourneySettings.defaults());
        List<Long> slotIds = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            slotIds.add(f.slot((i < 11 ? DAY1 : DAY2).plus(Duration.ofMinutes(30L * (i % 11)))));
        }
        CyclicBarrier bothSeeTheList = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            FakeUser user = FakeUser.privateChat(9000 + n, "User" + n, "user_" + n);
            runs.add(pool.submit(() -> {
                long wanted = slotIds.get(n < 2 ? 0 : n);
                f.startAndRegister(user, "Candidate Number" + (char) ('a' + n));
                FakeMessage days = f.awaitText(user, "Choose a day");
                f.pressDayOf(user, days, wanted);
                FakeMessage times = f.awaitMessage(user, m -> m.messageId() == days.messageId() && slotButton(m, wanted).isPresent());
                if (n < 2) {
                    bothSeeTheList.await(20, TimeUnit.SECONDS);
                }
                f.fake.pressButton(user, times.messageId(), slotButton(times, wanted).orElseThrow());
                if (n < 2) {
                    FakeMessage outcome = f.awaitMessage(user, m -> m.text().contains("Request sent")
                            || (m.messageId() == times.messageId() && m.text().contains("That time was just taken")));
                    if (outcome.text().contains("just taken")) {
                        assertThat(slotButton(outcome, wanted)).isEmpty();
                        long spare = slotIds.get(20);
                        FakeMessage fresh = outcome;
                        if (slotButton(fresh, spare).isEmpty()) {
                            f.press(user, fresh, "Another day");
                            fresh = f.awaitMessage(user, m -> m.messageId() == times.messageId() && m.text().contains("Choose a day"));
                            f.pressDayOf(user, fresh, spare);
                            fresh = f.awaitMessage(user, m -> m.messageId() == times.messageId() && slotButton(m, spare).isPresent());
                        }
                        f.fake.pressButton(user, fresh.messageId(), slotButton(fresh, spare).orElseThrow());
                        f.awaitText(user, "Request sent");
                        return "loser";
                    }
                    return "winner";
                }
                f.awaitText(user, "Request sent");
                return "ok";
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<?> r : runs) {
            outcomes.add(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("winner").containsOnlyOnce("loser");
        List<Booking> requested = f.db.inTransaction(s -> s.createSelectionQuery("from Booking", Booking.class).getResultList());
        assertThat(requested).hasSize(20).allMatch(b -> b.getStatus() == BookingStatus.REQUESTED);
        assertThat(requested.stream().map(Booking::getSlotId).distinct()).hasSize(20);
        long withUsername = f.db.inTransaction(s -> s.createSelectionQuery("select count(*) from Candidate where username is not null", Long.class)
                .getSingleResult());
        assertThat(withUsername).isEqualTo(20L);
    }

    @Test
    void inviteCodesBindOnceAndUsedUnknownAndExpiredCodesGetTheirAnswer() {
        start(JourneySettings.defaults());
        Candidate invited = f.candidates.create(TestCallers.ADMIN, "Irina Volkova", "Europe/Moscow");
        String code = f.invites.create(TestCallers.ADMIN, invited.getId());

        f.fake.enqueueStart(ANNA, code);
        FakeMessage zones = f.awaitText(ANNA, "Nice to meet you, Irina Volkova");
        f.press(ANNA, zones, "Novosibirsk");
        f.awaitText(ANNA, "There are no free times");
        Candidate bound = f.db.inTransaction(s -> s.find(Candidate.class, invited.getId()));
        assertThat(bound.getTelegramUserId()).isEqualTo(ANNA.userId());
        assertThat(bound.getUsername()).isEqualTo("anna_s");
        assertThat(bound.getLanguage()).isEqualTo(Language.EN);
        assertThat(bound.getZone().getId()).isEqualTo("Asia/Novosibirsk");

        f.fake.enqueueStart(BORIS, code);
        f.awaitText(BORIS, "already been used");
        f.fake.enqueueStart(BORIS, "no-such-code");
        f.awaitText(BORIS, "could not find this invitation");
        String late = f.invites.create(TestCallers.ADMIN, f.candidates.create(TestCallers.ADMIN, "Pavel Orlov", "Europe/Moscow").getId());
        f.clock.advance(Duration.ofDays(8));
        f.fake.enqueueStart(BORIS, late);
        f.awaitText(BORIS, "has expired");
    }

    @Test
    void declineFreesTheSlotStoresTheReasonAndOffersAnotherTime() {
        start(JourneySettings.defaults());
        long first = f.slot(DAY1);
        long second = f.slot(DAY2);
        f.bookThroughTheBot(ANNA, "Anna Smith", first);
        Booking booking = approvedBookingOf(ANNA);
        FakeMessage prompt = confirmPrompt(ANNA, booking);

        String press = f.press(ANNA, prompt, "can't make it");
        assertThat(f.awaitAnswer(press)).isEmpty();
        f.awaitText(ANNA, "Sorry to hear that");
        await().until(() -> f.fake.messagesTo(ANNA.chatId()).stream().filter(m -> m.messageId() == prompt.messageId())
                .allMatch(m -> m.replyMarkupJson() == null));
        assertThat(status(booking.getId())).isEqualTo(BookingStatus.DECLINED);
        assertThat(f.db.inTransaction(s -> f.journey.freeSlots(s, null)).stream().map(x -> x.slotId())).contains(first);

        f.fake.enqueueText(ANNA, "I caught a cold, sorry");
        f.awaitText(ANNA, "passed your answer");
        List<BookingEvent> history = f.bookings.history(booking.getId());
        assertThat(history.get(history.size() - 1).getNote()).isEqualTo("reason: I caught a cold, sorry");

        FakeMessage days = f.awaitMessage(ANNA, m -> m.text().contains("Choose a day") && m.replyMarkupJson() != null);
        f.pressDayOf(ANNA, days, second);
        FakeMessage times = f.awaitMessage(ANNA, m -> m.messageId() == days.messageId() && slotButton(m, second).isPresent());
        f.fake.pressButton(ANNA, times.messageId(), slotButton(times, second).orElseThrow());
        await().until(() -> f.countText(ANNA, "Request sent") == 2);
    }

    @Test
    void confirmTwiceSendsOneThanksForgedForeignAndStaleButtonsAreRefused() {
        start(JourneySettings.defaults());
        long first = f.slot(DAY1);
        long other = f.slot(DAY1.plus(Duration.ofHours(2)));
        f.bookThroughTheBot(ANNA, "Anna Smith", first);
        Booking booking = approvedBookingOf(ANNA);
        FakeMessage prompt = confirmPrompt(ANNA, booking);

        String forged = f.fake.pressButton(ANNA, prompt.messageId(), "v1:c:" + booking.getId() + ":1:AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(f.awaitAnswer(forged)).isEqualTo("This button is not valid.");

        f.startAndRegister(BORIS, "Boris Ivanov");
        FakeMessage forwarded = sendTo(BORIS, "Anna's prompt", f.keyboards.confirmDecline(booking.getId(), 1, Language.EN));
        String foreign = f.press(BORIS, forwarded, "I'll be there");
        assertThat(f.awaitAnswer(foreign)).isEqualTo("This button is not for you.");
        assertThat(status(booking.getId())).isEqualTo(BookingStatus.APPROVED);

        String once = f.press(ANNA, prompt, "I'll be there");
        String twice = f.fake.pressButton(ANNA, prompt.messageId(), JourneyFixture.button(prompt, "I'll be there").orElseThrow());
        f.awaitAnswer(once);
        f.awaitAnswer(twice);
        f.awaitText(ANNA, "Thank you for confirming");
        assertThat(status(booking.getId())).isEqualTo(BookingStatus.CONFIRMED);
        f.fake.enqueueText(ANNA, "/help");
        f.awaitText(ANNA, "/my — my booking");
        assertThat(f.countText(ANNA, "Thank you for confirming")).isEqualTo(1);

        TestBookings.reschedule(f.bookings, booking.getId(), other, dev.recruitdesk.domain.Actor.RECRUITER);
        String stale = f.fake.pressButton(ANNA, prompt.messageId(), JourneyFixture.button(prompt, "can't make it").orElseThrow());
        assertThat(f.awaitAnswer(stale)).contains("out of date");
        assertThat(status(booking.getId())).as("a new time must be confirmed again; the stale ❌ changed nothing")
                .isEqualTo(BookingStatus.APPROVED);
        assertThat(f.fake.callbackAnswers()).extracting(a -> a.callbackQueryId()).contains(once, twice, stale, foreign, forged);
    }

    @Test
    void myBookingReschedulesAndCancelsButNotWithinTheCutOff() {
        start(JourneySettings.defaults());
        long first = f.slot(DAY1);
        long later = f.slot(DAY2);
        f.bookThroughTheBot(ANNA, "Anna Smith", first);
        Booking booking = approvedBookingOf(ANNA);

        f.fake.enqueueText(ANNA, "/my");
        FakeMessage my = f.awaitText(ANNA, "Your booking:");
        assertThat(my.text()).contains("Thu, 3 Dec, 09:00 (Moscow, UTC+3)").contains("approved").contains("Olga Petrova");
        f.press(ANNA, my, "Another time");
        FakeMessage days = f.awaitMessage(ANNA, m -> m.messageId() == my.messageId() && m.text().contains("Choose a day"));
        f.pressDayOf(ANNA, days, later);
        FakeMessage times = f.awaitMessage(ANNA, m -> m.messageId() == my.messageId() && slotButton(m, later).isPresent());
        f.fake.pressButton(ANNA, times.messageId(), slotButton(times, later).orElseThrow());
        f.awaitText(ANNA, "Your interview time has changed");
        Booking moved = f.db.inTransaction(s -> s.find(Booking.class, booking.getId()));
        assertThat(moved.getSlotId()).isEqualTo(later);
        assertThat(moved.getRevision()).isEqualTo(2);
        assertThat(moved.getStatus()).isEqualTo(BookingStatus.APPROVED);

        f.clock.set(DAY2.minus(Duration.ofMinutes(90)));
        f.fake.enqueueText(ANNA, "/my");
        FakeMessage late = f.awaitMessage(ANNA, m -> m.text().contains("Your booking:") && m.messageId() > my.messageId());
        String refused = f.press(ANNA, late, "Cancel");
        assertThat(f.awaitAnswer(refused)).contains("no longer works");
        f.awaitText(ANNA, "can no longer be changed");
        assertThat(status(booking.getId())).isEqualTo(BookingStatus.APPROVED);

        f.clock.set(DAY2.minus(Duration.ofHours(3)));
        String ok = f.press(ANNA, late, "Cancel");
        f.awaitAnswer(ok);
        f.awaitText(ANNA, "is cancelled");
        assertThat(status(booking.getId())).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void oddInputGetsAPoliteAnswerAndOddUpdatesAreIgnoredWithoutCrashing() {
        start(JourneySettings.defaults());
        f.fake.enqueueStart(ANNA, null);
        f.awaitText(ANNA, "What is your name");
        f.fake.enqueueText(ANNA, "R2D2");
        f.awaitText(ANNA, "could not read that as a name");
        f.fake.enqueueText(ANNA, "Анна-Мария Петрова");
        FakeMessage zones = f.awaitText(ANNA, "Nice to meet you, Анна-Мария Петрова");
        f.fake.enqueueText(ANNA, "Atlantis");
        f.awaitText(ANNA, "I do not know this time zone");
        f.press(ANNA, zones, "Other zone");
        f.awaitText(ANNA, "Write your time zone");
        f.fake.enqueueText(ANNA, "UTC+5");
        f.awaitText(ANNA, "There are no free times");

        f.fake.enqueueText(ANNA, "x".repeat(1001));
        f.awaitText(ANNA, "too long");
        f.fake.enqueueRaw("message", "{\"message_id\":90,\"date\":1,\"chat\":{\"id\":7001,\"type\":\"private\"},"
                + "\"from\":{\"id\":7001,\"is_bot\":false,\"first_name\":\"Anna\"},\"sticker\":{\"file_id\":\"s\",\"file_unique_id\":\"u\","
                + "\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false,\"type\":\"regular\"}}");
        f.awaitText(ANNA, "I only understand text");
        f.fake.enqueueRaw("edited_message", "{\"message_id\":91,\"date\":1,\"edit_date\":2,\"chat\":{\"id\":7001,\"type\":\"private\"},"
                + "\"from\":{\"id\":7001,\"is_bot\":false,\"first_name\":\"Anna\"},\"text\":\"edited\"}");
        f.fake.enqueueRaw("message", "{\"message_id\":92,\"date\":1,\"chat\":{\"id\":-100500,\"type\":\"group\",\"title\":\"HR\"},"
                + "\"from\":{\"id\":7001,\"is_bot\":false,\"first_name\":\"Anna\"},\"text\":\"/start\"}");
        f.fake.enqueueRaw("message_reaction", "{\"chat\":{\"id\":7001,\"type\":\"private\"},\"message_id\":3,\"date\":1}");
        f.fake.enqueueRaw("callback_query", "{\"id\":\"777\",\"from\":{\"id\":7001,\"is_bot\":false,\"first_name\":\"Anna\"},"
                + "\"chat_instance\":\"1\",\"data\":\"whatever\"}");
        int last = f.fake.enqueueText(ANNA, "hello?");
        f.awaitText(ANNA, "I did not understand");
        await().until(() -> storedOffset() == last);
        assertThat(f.fake.messagesTo(-100500)).isEmpty();
        assertThat(f.fake.requests("answerCallbackQuery")).isEqualTo(2);
        long failures = f.db.inTransaction(s -> s.createSelectionQuery("select count(*) from BotUpdateFailure", Long.class).getSingleResult());
        assertThat(failures).isZero();
        assertThat(f.waitingList.entries()).extracting(w -> w.candidateName()).containsExactly("Анна-Мария Петрова");
    }

    @Test
    void newSlotsNotifyTheWaitingListOncePerStayAndRecruiterMessagesArrive() {
        start(JourneySettings.defaults());
        f.startAndRegister(ANNA, "Anna Smith");
        f.awaitText(ANNA, "There are no free times");
        assertThat(f.waitingList.entries()).hasSize(1);

        f.slot(DAY1);
        f.slot(DAY2);
        FakeMessage notice = f.awaitText(ANNA, "new interview times are open");
        f.fake.enqueueText(ANNA, "/help");
        f.awaitText(ANNA, "/my — my booking");
        assertThat(f.countText(ANNA, "new interview times are open")).isEqualTo(1);
        assertThat(f.waitingList.entries().get(0).notifiedAt()).isNotNull();

        f.press(ANNA, notice, "Choose a time");
        f.awaitMessage(ANNA, m -> m.messageId() == notice.messageId() && m.text().contains("Choose a day"));

        long candidateId = f.db.inTransaction(s -> dev.recruitdesk.booking.CandidateJourney.candidateOfUser(s, ANNA.userId()).getId());
        f.recruiterMessages.sendMessageToCandidate(TestCallers.soleUser(f.recruiterId), candidateId, "Please bring your passport <b>");
        FakeMessage note = f.awaitText(ANNA, "A message from recruiter Olga Petrova");
        assertThat(note.text()).contains("Please bring your passport &lt;b&gt;");
        assertThat(note.parseMode()).isEqualTo("HTML");
    }

    @Test
    void restartedPollerResumesFromTheStoredOffsetWithoutAnsweringTwice() {
        start(JourneySettings.defaults());
        f.fake.enqueueText(ANNA, "/help");
        int second = f.fake.enqueueText(ANNA, "/my");
        f.awaitText(ANNA, "You have no active booking");
        await().until(() -> storedOffset() == second);
        f.stopPoller();

        int third = f.fake.enqueueText(ANNA, "/help");
        f.startPoller();
        await().until(() -> storedOffset() == third);
        await().until(() -> f.countText(ANNA, "/my — my booking") == 2);
        f.fake.enqueueText(ANNA, "/my");
        await().until(() -> f.countText(ANNA, "You have no active booking") == 2);
        assertThat(f.fake.messagesTo(ANNA.chatId())).hasSize(4);
    }

    @Test
    void autoApproveSendsTheDetailsInsteadOfTheRequestNotice() {
        start(new JourneySettings(true, JourneySettings.DEFAULT_CUTOFF));
        long slot = f.slot(DAY1);
        f.startAndRegister(ANNA, "Anna Smith");
        FakeMessage days = f.awaitText(ANNA, "Choose a day");
        f.pressDayOf(ANNA, days, slot);
        FakeMessage times = f.awaitMessage(ANNA, m -> m.messageId() == days.messageId() && slotButton(m, slot).isPresent());
        f.fake.pressButton(ANNA, times.messageId(), slotButton(times, slot).orElseThrow());
        FakeMessage approved = f.awaitText(ANNA, "your interview is confirmed");
        assertThat(approved.text()).contains("https://meet.example/olga").contains("Olga Petrova");
        assertThat(f.countText(ANNA, "Request sent")).isZero();
    }

    @Test
    void candidatesAreOfferedOnlyTimesWithinTheMinimumNoticeAndTheHorizon() {
        start(new JourneySettings(false, JourneySettings.DEFAULT_CUTOFF, java.time.Duration.ofHours(24), java.time.Duration.ofDays(14)));
        long tooSoon = f.slot(JourneyFixture.NOW.plus(java.time.Duration.ofHours(3)));
        long fine = f.slot(DAY1);
        long tooFar = f.slot(JourneyFixture.NOW.plus(java.time.Duration.ofDays(20)));
        assertThat(f.db.inTransaction(s -> f.journey.freeSlots(s, null)).stream().map(x -> x.slotId()))
                .containsExactly(fine).doesNotContain(tooSoon, tooFar);
    }

    // ---- helpers

    private Booking approvedBookingOf(FakeUser user) {
        Booking b = f.db.inTransaction(s -> s.createSelectionQuery(
                        "from Booking b where b.candidateId = (select c.id from Candidate c where c.telegramUserId = :u) and b.activeSlotId is not null",
                        Booking.class).setParameter("u", user.userId()).getSingleResult());
        return TestBookings.approve(f.bookings, b.getId());
    }

    /** A ✅/❌ prompt for the booking's current revision, as the reminders send it, delivered through the outbox. */
    private FakeMessage confirmPrompt(FakeUser user, Booking booking) {
        return sendTo(user, "Is everything still on?", f.keyboards.confirmDecline(booking.getId(), booking.getRevision(), Language.EN));
    }

    private FakeMessage sendTo(FakeUser user, String text, String markup) {
        f.db.run(s -> f.outbox.enqueue(s, "test:" + user.chatId() + ":" + text, "test", Regarding.none(),
                new dev.recruitdesk.delivery.OutgoingMessage(user.chatId(), text, null, markup), f.clock.instant(), null));
        return f.awaitText(user, text);
    }

    private BookingStatus status(long bookingId) {
        return f.db.inTransaction(s -> s.find(Booking.class, bookingId).getStatus());
    }

    private long storedOffset() {
        return f.db.inTransaction(s -> {
            BotOffset o = s.find(BotOffset.class, f.gateway.botId());
            return o == null ? 0L : o.getLastUpdateId();
        });
    }

    static {
        assertThat(NOW).isBefore(DAY1);
    }
}
