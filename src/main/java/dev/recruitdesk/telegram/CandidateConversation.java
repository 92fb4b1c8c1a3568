package dev.recruitdesk.telegram;

import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Chat;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.User;
import com.pengrad.telegrambot.model.message.MaybeInaccessibleMessage;
import dev.recruitdesk.booking.CandidateJourney;
import dev.recruitdesk.booking.CandidateJourney.FreeSlot;
import dev.recruitdesk.booking.InviteService;
import dev.recruitdesk.booking.ZoneChoices;
import dev.recruitdesk.delivery.Outbox;
import dev.recruitdesk.delivery.Regarding;
import dev.recruitdesk.domain.Booking;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.domain.ChatState;
import dev.recruitdesk.domain.ChatStep;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.domain.Slot;
import dev.recruitdesk.telegram.CallbackCodec.Action;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The candidate's conversation with the bot: parses each update, asks {@link CandidateJourney} (the rules) and
 * answers. Runs in the poller's transaction, so the chat state, the booking change, the outbox rows and the stored
 * offset commit together. Every message goes through the outbox; the only direct calls are answerCallbackQuery
 * and edits of the pressed message, made right after that transaction commits.
 *
 * <p>Replies are keyed by the update ({@code reply:bot-1:u-57:1}); the messages a booking change causes (details,
 * reminders, thanks, declined, cancelled) are enqueued by {@code BookingService} under keys naming the booking and
 * its revision, so a double press or a repeated update sends nothing twice.
 */
public final class CandidateConversation implements UpdateHandler {

    public static final int MAX_INPUT_LENGTH = 1000;
    static final Duration REPLY_LIFETIME = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(CandidateConversation.class);

    private final CandidateJourney journey;
    private final InviteService invites;
    private final Outbox outbox;
    private final MessageRenderer renderer;
    private final Keyboards keyboards;
    private final CallbackCodec codec;
    private final BotGateway gateway;
    private final Clock clock;
    private final long botId;

    public CandidateConversation(CandidateJourney journey, InviteService invites, Outbox outbox, MessageRenderer renderer,
                                 Keyboards keyboards, CallbackCodec codec, BotGateway gateway, Clock clock) {
        this.journey = Objects.requireNonNull(journey);
        this.invites = Objects.requireNonNull(invites);
        this.outbox = Objects.requireNonNull(outbox);
        this.renderer = Objects.requireNonNull(renderer);
        this.keyboards = Objects.requireNonNull(keyboards);
        this.codec = Objects.requireNonNull(codec);
        this.gateway = Objects.requireNonNull(gateway);
        this.clock = Objects.requireNonNull(clock);
        this.botId = gateway.botId();
    }

    @Override
    public void handle(Session s, Update update) {
        Turn turn = new Turn(s, update.updateId() == null ? 0 : update.updateId());
        if (update.message() != null) {
            onMessage(turn, update.message());
        } else if (update.callbackQuery() != null) {
            onCallback(turn, update.callbackQuery());
        } else {
            log.info("conversation.ignored update={} kind={}", turn.updateId, UpdatePoller.kindOf(update));
        }
        turn.finish();
    }

    // ---- messages

    private void onMessage(Turn turn, Message m) {
        Chat chat = m.chat();
        User from = m.from();
        if (chat == null || chat.id() == null || from == null || from.id() == null || Boolean.TRUE.equals(from.isBot())) {
            log.info("conversation.ignored update={} reason=no sender", turn.updateId);
            return;
        }
        if (chat.type() != Chat.Type.Private) {
            log.info("conversation.ignored update={} chat={} reason=not a private chat ({})", turn.updateId, chat.id(), chat.type());
            return;
        }
        Who who = who(turn.s, from, chat.id());
        String text = m.text();
        if (text == null) {
            turn.reply(who, TemplateKey.UNSUPPORTED_CONTENT, Map.of(), null);
            return;
        }
        if (text.length() > MAX_INPUT_LENGTH) {
            turn.reply(who, TemplateKey.INPUT_TOO_LONG, Map.of("max_length", Integer.toString(MAX_INPUT_LENGTH)), null);
            return;
        }
        ChatState state = state(turn.s, who);
        if (text.startsWith("/")) {
            String[] parts = text.strip().split("\\s+", 2);
            String command = parts[0].toLowerCase(Locale.ROOT);
            int at = command.indexOf('@');
            if (at > 0) {
                command = command.substring(0, at);
            }
            String arg = parts.length > 1 ? parts[1].strip() : "";
            log.info("conversation.command update={} chat={} command={} step={}", turn.updateId, who.chatId, command,
                    state == null ? null : state.getStep());
            switch (command) {
                case "/start" -> onStart(turn, who, state, arg);
                case "/my" -> onMy(turn, who);
                case "/help" -> turn.reply(who, TemplateKey.HELP, Map.of(), null);
                default -> turn.reply(who, TemplateKey.UNKNOWN_INPUT, Map.of(), null);
            }
            return;
        }
        ChatStep step = state == null ? null : state.getStep();
        log.info("conversation.text update={} chat={} step={} chars={}", turn.updateId, who.chatId, step, text.length());
        if (step == ChatStep.ASK_NAME) {
            onName(turn, who, state, text);
        } else if (step == ChatStep.ASK_ZONE || step == ChatStep.ASK_ZONE_TYPED) {
            Optional<ZoneId> zone = ZoneChoices.parse(text);
            if (zone.isEmpty()) {
                turn.reply(who, TemplateKey.BAD_ZONE, Map.of(), null);
            } else {
                completeZone(turn, who, state, zone.get(), null);
            }
        } else if (step == ChatStep.ASK_REASON && state.getBookingId() != null) {
            journey.recordReason(turn.s, state.getBookingId(), text);
            state.moveTo(ChatStep.IDLE, now());
            turn.reply(who, TemplateKey.REASON_THANKS, Map.of(), null);
            offerDays(turn, who, state, null, 0);
        } else {
            turn.reply(who, TemplateKey.UNKNOWN_INPUT, Map.of(), null);
        }
    }

    private void onStart(Turn turn, Who who, ChatState state, String code) {
        purgeExpiredStates(turn.s);
        if (!code.isEmpty()) {
            InviteService.Redeemed redeemed = invites.redeem(turn.s, code, who.userId, who.chatId, who.username, who.language);
            switch (redeemed.outcome()) {
                case BOUND -> {
                    who.candidate = redeemed.candidate();
                    who.language = who.candidate.getLanguage();
                    ChatState st = stateOrNew(turn.s, who, state);
                    st.setCandidateId(who.candidate.getId());
                    st.moveTo(ChatStep.ASK_ZONE, now());
                    askZone(turn, who);
                }
                case USED -> turn.reply(who, TemplateKey.INVITE_USED, Map.of(), null);
                case EXPIRED -> turn.reply(who, TemplateKey.INVITE_EXPIRED, Map.of(), null);
                default -> turn.reply(who, TemplateKey.INVITE_UNKNOWN, Map.of(), null);
            }
            return;
        }
        ChatState st = stateOrNew(turn.s, who, state);
        if (who.candidate == null) {
            st.setDraftName(null);
            st.moveTo(ChatStep.ASK_NAME, now());
            turn.reply(who, TemplateKey.GREETING, Map.of(), null);
            return;
        }
        st.setCandidateId(who.candidate.getId());
        st.moveTo(ChatStep.IDLE, now());
        Booking active = journey.activeBooking(turn.s, who.candidate.getId());
        if (active != null) {
            showBooking(turn, who, active);
        } else {
            offerDays(turn, who, st, null, 0);
        }
    }

    private void onName(Turn turn, Who who, ChatState state, String text) {
        Optional<String> name = CandidateJourney.normalizeName(text);
        if (name.isEmpty()) {
            turn.reply(who, TemplateKey.BAD_NAME, Map.of(), null);
            return;
        }
        state.setDraftName(name.get());
        state.moveTo(ChatStep.ASK_ZONE, now());
        askZone(turn, who, name.get());
    }

    private void askZone(Turn turn, Who who) {
        askZone(turn, who, who.candidate.getName());
    }

    private void askZone(Turn turn, Who who, String name) {
        List<String> cities = ZoneChoices.CITIES.stream().map(c -> c.name(who.language)).toList();
        turn.reply(who, TemplateKey.ASK_ZONE, Map.of("candidate_name", name), keyboards.zoneList(cities, who.language));
    }

    /** The zone is known: register (or update) the candidate and offer the days. */
    private void completeZone(Turn turn, Who who, ChatState state, ZoneId zone, Integer pressedMessageId) {
        ChatState st = stateOrNew(turn.s, who, state);
        if (who.candidate != null) {
            who.candidate.setZone(zone);
        } else if (st.getDraftName() != null) {
            who.candidate = journey.register(turn.s, who.userId, who.chatId, who.username, who.language, st.getDraftName(), zone);
        } else {
            st.moveTo(ChatStep.ASK_NAME, now());
            turn.reply(who, TemplateKey.GREETING, Map.of(), null);
            return;
        }
        st.setCandidateId(who.candidate.getId());
        st.setDraftName(null);
        st.moveTo(ChatStep.IDLE, now());
        if (pressedMessageId != null) {
            String saved = renderer.render(TemplateKey.ZONE_SAVED, who.language, Map.of("zone", ZoneChoices.describe(zone, now(), who.language)));
            turn.direct(() -> gateway.editMessageText(who.chatId, pressedMessageId, saved, MessageRenderer.PARSE_MODE, null));
        }
        offerDays(turn, who, st, null, 0);
    }

    private void onMy(Turn turn, Who who) {
        Booking active = who.candidate == null ? null : journey.activeBooking(turn.s, who.candidate.getId());
        if (active == null) {
            turn.reply(who, TemplateKey.MY_BOOKING_NONE, Map.of(), null);
        } else {
            showBooking(turn, who, active);
        }
    }

    private void showBooking(Turn turn, Who who, Booking booking) {
        Map<String, String> values = bookingValues(turn.s, who, booking);
        TemplateKey status = switch (booking.getStatus()) {
            case APPROVED -> TemplateKey.STATUS_APPROVED;
            case CONFIRMED -> TemplateKey.STATUS_CONFIRMED;
            default -> TemplateKey.STATUS_REQUESTED;
        };
        values.put("status", renderer.plain(status, who.language, Map.of()));
        turn.reply(who, TemplateKey.MY_BOOKING, values, keyboards.myBooking(booking.getId(), booking.getRevision(), who.language));
    }

    // ---- buttons

    private void onCallback(Turn turn, CallbackQuery q) {
        turn.callbackId = q.id();
        User from = q.from();
        MaybeInaccessibleMessage pressed = q.maybeInaccessibleMessage();
        if (from == null || from.id() == null || pressed == null || pressed.chat() == null || pressed.messageId() == null) {
            log.info("conversation.ignored update={} reason=callback without sender or message", turn.updateId);
            return;
        }
        CallbackCodec.Decoded decoded = codec.decode(q.data());
        Who who = who(turn.s, from, pressed.chat().id());
        if (decoded instanceof CallbackCodec.Forged forged) {
            log.warn("conversation.forged update={} user={} chat={} problem={}", turn.updateId, who.userId, who.chatId, forged.problem());
            turn.toast(renderer.plain(TemplateKey.FORGED_BUTTON, who.language, Map.of()));
            return;
        }
        if (pressed.chat().type() != Chat.Type.Private) {
            log.info("conversation.ignored update={} chat={} reason=button outside a private chat", turn.updateId, who.chatId);
            return;
        }
        CallbackCodec.Valid button = (CallbackCodec.Valid) decoded;
        int messageId = pressed.messageId();
        log.info("conversation.button update={} chat={} action={} target={} arg={}", turn.updateId, who.chatId,
                button.action(), button.target(), button.arg());
        ChatState state = state(turn.s, who);
        switch (button.action()) {
            case ZONE -> onZonePressed(turn, who, state, (int) Math.min(button.target(), Integer.MAX_VALUE), messageId);
            case DAYS -> withCandidate(turn, who, () -> offerDays(turn, who, state, messageId, (int) button.target()));
            case DAY -> withCandidate(turn, who, () -> showDay(turn, who, state, LocalDate.ofEpochDay(button.target()),
                    (int) button.arg(), messageId, null));
            case PICK -> withCandidate(turn, who, () -> onPick(turn, who, state, button.target(), (int) button.arg(), messageId));
            case CONFIRM, DECLINE, CANCEL, RESCHEDULE -> onBookingButton(turn, who, state, button, messageId);
            default -> turn.toast(renderer.plain(TemplateKey.ACTION_REFUSED, who.language, Map.of()));
        }
    }

    private void withCandidate(Turn turn, Who who, Runnable action) {
        if (who.candidate == null) {
            turn.reply(who, TemplateKey.MY_BOOKING_NONE, Map.of(), null);
            return;
        }
        action.run();
    }

    private void onZonePressed(Turn turn, Who who, ChatState state, int index, int messageId) {
        if (index == ZoneChoices.CITIES.size()) {
            ChatState st = stateOrNew(turn.s, who, state);
            if (st.getStep() != ChatStep.ASK_ZONE && st.getStep() != ChatStep.ASK_ZONE_TYPED && who.candidate != null) {
                st.setCandidateId(who.candidate.getId());
            }
            st.moveTo(ChatStep.ASK_ZONE_TYPED, now());
            turn.reply(who, TemplateKey.ASK_ZONE_TYPED, Map.of(), null);
            return;
        }
        if (index < 0 || index > ZoneChoices.CITIES.size()) {
            turn.toast(renderer.plain(TemplateKey.ACTION_REFUSED, who.language, Map.of()));
            return;
        }
        completeZone(turn, who, state, ZoneChoices.CITIES.get(index).zone(), messageId);
    }

    /** The day list (as a new message, or in place of the pressed one); none → NO_SLOTS and the waiting list. */
    private void offerDays(Turn turn, Who who, ChatState state, Integer editMessageId, int page) {
        List<FreeSlot> free = slotsFor(turn.s, who, state);
        ZoneId zone = who.candidate.getZone();
        if (free.isEmpty()) {
            show(turn, who, editMessageId, TemplateKey.NO_SLOTS, Map.of(), null);
            return;
        }
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        for (FreeSlot f : free) {
            perDay.merge(f.start().atZone(zone).toLocalDate(), 1, Integer::sum);
        }
        List<Keyboards.DayChoice> days = perDay.entrySet().stream().map(e -> new Keyboards.DayChoice(e.getKey(), e.getValue())).toList();
        show(turn, who, editMessageId, TemplateKey.PICK_DAY, Map.of("zone", ZoneChoices.describe(zone, now(), who.language)),
                keyboards.dayList(days, page, who.language));
    }

    /** The free times of one day in place of the pressed message; a day with none left falls back to the days. */
    private void showDay(Turn turn, Who who, ChatState state, LocalDate day, int page, int messageId, TemplateKey heading) {
        ZoneId zone = who.candidate.getZone();
        List<Keyboards.SlotChoice> slots = slotsFor(turn.s, who, state).stream()
                .filter(f -> f.start().atZone(zone).toLocalDate().equals(day))
                .map(f -> new Keyboards.SlotChoice(f.slotId(), f.start(), f.duration()))
                .toList();
        if (slots.isEmpty()) {
            offerDays(turn, who, state, messageId, 0);
            return;
        }
        String markup = keyboards.timeList(day, slots, page, zone, who.language);
        if (heading != null) {
            show(turn, who, messageId, heading, Map.of(), markup);
        } else {
            show(turn, who, messageId, TemplateKey.PICK_TIME, Map.of("slot_date", Keyboards.dayLabel(day, who.language),
                    "zone", ZoneChoices.describe(zone, now(), who.language)), markup);
        }
    }

    private List<FreeSlot> slotsFor(Session s, Who who, ChatState state) {
        if (state != null && state.getStep() == ChatStep.RESCHEDULE && state.getBookingId() != null) {
            Booking b = s.find(Booking.class, state.getBookingId());
            if (b != null && b.getStatus().isActive()) {
                return journey.freeSlots(s, b.getRecruiterId());
            }
        }
        return journey.offer(s, who.candidate);
    }

    private void onPick(Turn turn, Who who, ChatState state, long slotId, int page, int messageId) {
        Slot picked = turn.s.find(Slot.class, slotId);
        LocalDate day = picked == null ? null : picked.getStartAt().atZone(who.candidate.getZone()).toLocalDate();
        if (state != null && state.getStep() == ChatStep.RESCHEDULE && state.getBookingId() != null) {
            CandidateJourney.Result r = journey.reschedule(turn.s, who.userId, state.getBookingId(), state.getBookingRevision(), slotId);
            switch (r.outcome()) {
                case DONE -> {
                    state.moveTo(ChatStep.IDLE, now());
                    turn.removeKeyboard(who, messageId);
                    if (r.booking().getStatus() == BookingStatus.REQUESTED) {
                        bookingMessage(turn, who, r.booking(), "request_sent", TemplateKey.REQUEST_SENT, null);
                    }
                }
                case TAKEN -> slotTaken(turn, who, state, day, page, messageId);
                default -> {
                    state.moveTo(ChatStep.IDLE, now());
                    refusal(turn, who, r, messageId);
                }
            }
            return;
        }
        CandidateJourney.Pick pick = journey.pick(turn.s, who.candidate, slotId);
        if (pick instanceof CandidateJourney.Requested requested) {
            Booking b = requested.booking();
            turn.removeKeyboard(who, messageId);
            if (b.getStatus() == BookingStatus.REQUESTED) {
                bookingMessage(turn, who, b, "request_sent", TemplateKey.REQUEST_SENT, null);
            }
        } else if (pick instanceof CandidateJourney.AlreadyBooked already) {
            showBooking(turn, who, already.booking());
        } else {
            slotTaken(turn, who, state, day, page, messageId);
        }
    }

    /** SLOT_TAKEN in place of the pressed list, with the current free times of that day (or the days). */
    private void slotTaken(Turn turn, Who who, ChatState state, LocalDate day, int page, int messageId) {
        if (day != null) {
            ZoneId zone = who.candidate.getZone();
            boolean anyThatDay = slotsFor(turn.s, who, state).stream().anyMatch(f -> f.start().atZone(zone).toLocalDate().equals(day));
            if (anyThatDay) {
                showDay(turn, who, state, day, page, messageId, TemplateKey.SLOT_TAKEN);
                return;
            }
        }
        List<FreeSlot> free = slotsFor(turn.s, who, state);
        if (free.isEmpty()) {
            show(turn, who, messageId, TemplateKey.NO_SLOTS, Map.of(), null);
            return;
        }
        LocalDate first = free.get(0).start().atZone(who.candidate.getZone()).toLocalDate();
        showDay(turn, who, state, first, 0, messageId, TemplateKey.SLOT_TAKEN);
    }

    private void onBookingButton(Turn turn, Who who, ChatState state, CallbackCodec.Valid button, int messageId) {
        long bookingId = button.bookingId();
        int revision;
        try {
            revision = button.revision();
        } catch (ArithmeticException e) {
            turn.toast(renderer.plain(TemplateKey.STALE_BUTTON, who.language, Map.of()));
            return;
        }
        CandidateJourney.Result r = switch (button.action()) {
            case CONFIRM -> journey.confirm(turn.s, who.userId, bookingId, revision);
            case DECLINE -> journey.decline(turn.s, who.userId, bookingId, revision);
            case CANCEL -> journey.cancel(turn.s, who.userId, bookingId, revision);
            default -> journey.mayReschedule(turn.s, who.userId, bookingId, revision);
        };
        if (r.outcome() == CandidateJourney.Outcome.ALREADY_DONE) {
            turn.removeKeyboard(who, messageId);
            return;
        }
        if (r.outcome() != CandidateJourney.Outcome.DONE) {
            refusal(turn, who, r, messageId);
            return;
        }
        ChatState st = stateOrNew(turn.s, who, state);
        switch (button.action()) {
            case CONFIRM -> turn.removeKeyboard(who, messageId);
            case DECLINE -> {
                turn.removeKeyboard(who, messageId);
                st.moveTo(ChatStep.ASK_REASON, bookingId, r.booking().getRevision(), now());
            }
            case CANCEL -> {
                turn.removeKeyboard(who, messageId);
                st.moveTo(ChatStep.IDLE, now());
            }
            default -> {
                st.moveTo(ChatStep.RESCHEDULE, bookingId, r.booking().getRevision(), now());
                offerDays(turn, who, st, messageId, 0);
            }
        }
    }

    /** Why a booking button did nothing: a toast, and for the cut-off a message that says what to do. */
    private void refusal(Turn turn, Who who, CandidateJourney.Result r, int messageId) {
        switch (r.outcome()) {
            case FORBIDDEN -> turn.toast(renderer.plain(TemplateKey.FORBIDDEN_PRESSER, who.language, Map.of()));
            case STALE -> {
                turn.toast(renderer.plain(TemplateKey.STALE_BUTTON, who.language, Map.of()));
                turn.removeKeyboard(who, messageId);
            }
            case TOO_LATE -> {
                turn.toast(renderer.plain(TemplateKey.ACTION_REFUSED, who.language, Map.of()));
                Map<String, String> values = bookingValues(turn.s, who, r.booking());
                values.put("cutoff", cutoffText(journey.settings().changeCutoff(), who.language));
                turn.reply(who, TemplateKey.CHANGE_REFUSED, values, null);
            }
            default -> {
                turn.toast(renderer.plain(TemplateKey.ACTION_REFUSED, who.language, Map.of()));
                turn.removeKeyboard(who, messageId);
            }
        }
    }

    // ---- rendering helpers

    /** A new message, or the pressed message edited in place (navigation through lists). */
    private void show(Turn turn, Who who, Integer editMessageId, TemplateKey key, Map<String, String> values, String markup) {
        if (editMessageId == null) {
            turn.reply(who, key, values, markup);
            return;
        }
        String text = renderer.render(key, who.language, values);
        int id = editMessageId;
        turn.direct(() -> gateway.editMessageText(who.chatId, id, text, MessageRenderer.PARSE_MODE, markup));
    }

    /** A message about a booking revision, keyed {@code <name>:booking-<id>:rev-<n>}: sent once, whatever repeats. */
    private void bookingMessage(Turn turn, Who who, Booking booking, String name, TemplateKey key, String markup) {
        Map<String, String> values = bookingValues(turn.s, who, booking);
        Slot slot = turn.s.find(Slot.class, booking.getSlotId());
        Instant now = now();
        Instant expires = slot.getStartAt().isAfter(now.plus(Duration.ofMinutes(1))) && booking.getStatus().isActive()
                ? slot.getStartAt() : now.plus(REPLY_LIFETIME);
        outbox.enqueue(turn.s, name + ":booking-" + booking.getId() + ":rev-" + booking.getRevision(), name,
                Regarding.booking(who.candidate.getId(), booking.getId(), booking.getRevision()),
                renderer.message(who.chatId, key, who.language, values, markup), now, expires);
    }

    private Map<String, String> bookingValues(Session s, Who who, Booking booking) {
        Map<String, String> values = new HashMap<>();
        Slot slot = s.find(Slot.class, booking.getSlotId());
        Recruiter recruiter = s.find(Recruiter.class, booking.getRecruiterId());
        ZoneId zone = who.candidate.getZone();
        values.put("candidate_name", who.candidate.getName());
        values.put("slot_time", slotTime(slot.getStartAt(), zone, who.language));
        values.put("slot_duration", Keyboards.duration(slot.getDuration(), who.language));
        String place = slot.getPlace();
        if (place != null && (place.startsWith("http://") || place.startsWith("https://"))) {
            values.put("join_link", place);
        } else {
            if (place != null) {
                values.put("place", place);
            }
            if (recruiter != null && recruiter.getMeetingLink() != null) {
                values.put("join_link", recruiter.getMeetingLink());
            }
        }
        if (recruiter != null) {
            values.put("recruiter_name", recruiter.getName());
        }
        return values;
    }

    /** {@code пт, 11 дек, 14:30 (Москва)}: the start in the candidate's zone, with the zone named. */
    static String slotTime(Instant start, ZoneId zone, Language language) {
        ZonedDateTime at = start.atZone(zone);
        return Keyboards.dayLabel(at.toLocalDate(), language) + ", " + at.format(DateTimeFormatter.ofPattern("HH:mm"))
                + " (" + ZoneChoices.describe(zone, start, language) + ")";
    }

    private static String cutoffText(Duration cutoff, Language language) {
        long minutes = cutoff.toMinutes();
        if (minutes % 60 == 0 && minutes > 0) {
            return minutes / 60 + (language == Language.RU ? " ч" : " h");
        }
        return minutes + (language == Language.RU ? " мин" : " min");
    }

    // ---- who is writing, and the chat state

    /** The person behind an update: their ids, their candidate record (if any) and the language to answer in. */
    private static final class Who {
        final long userId;
        final long chatId;
        final String username;
        Candidate candidate;
        Language language;

        Who(long userId, long chatId, String username, Candidate candidate, Language language) {
            this.userId = userId;
            this.chatId = chatId;
            this.username = username;
            this.candidate = candidate;
            this.language = language;
        }
    }

    private Who who(Session s, User from, long chatId) {
        Candidate c = CandidateJourney.candidateOfUser(s, from.id());
        if (c != null) {
            // the username can change at any time; keep the latest so the recruiter can open the chat
            if (!Objects.equals(c.getUsername(), from.username())) {
                c.setUsername(from.username());
            }
            if (!Objects.equals(c.getChatId(), chatId)) {
                c.bindTelegram(from.id(), chatId, from.username());
            }
        }
        Language language = c != null ? c.getLanguage() : Language.ofCode(from.languageCode());
        return new Who(from.id(), chatId, from.username(), c, language);
    }

    private ChatState state(Session s, Who who) {
        ChatState st = s.find(ChatState.class, who.chatId);
        if (st != null && st.isExpired(now())) {
            log.info("conversation.state.expired chat={} step={}", who.chatId, st.getStep());
            s.remove(st);
            s.flush();
            return null;
        }
        return st;
    }

    private ChatState stateOrNew(Session s, Who who, ChatState state) {
        if (state != null) {
            return state;
        }
        ChatState existing = s.find(ChatState.class, who.chatId);
        if (existing != null) {
            return existing;
        }
        ChatState fresh = new ChatState(who.chatId, who.userId, now());
        if (who.candidate != null) {
            fresh.setCandidateId(who.candidate.getId());
            fresh.moveTo(ChatStep.IDLE, now());
        }
        s.persist(fresh);
        return fresh;
    }

    private void purgeExpiredStates(Session s) {
        int purged = s.createMutationQuery("delete from ChatState where expiresAt <= :now").setParameter("now", now()).executeUpdate();
        if (purged > 0) {
            log.info("conversation.state.purged rows={}", purged);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    // ---- one update's output

    /**
     * What one update produces: outbox rows (in the transaction) and direct calls (after it commits; the callback
     * is always answered, first, with the toast if one was set).
     */
    private final class Turn {
        final Session s;
        final long updateId;
        final List<Runnable> direct = new ArrayList<>();
        String callbackId;
        String toast;
        int replies;

        Turn(Session s, long updateId) {
            this.s = s;
            this.updateId = updateId;
        }

        void reply(Who who, TemplateKey key, Map<String, String> values, String markup) {
            Instant now = now();
            String dedupKey = "reply:bot-" + botId + ":u-" + updateId + ":" + (++replies);
            Regarding regarding = who.candidate == null ? Regarding.none() : Regarding.candidate(who.candidate.getId());
            outbox.enqueue(s, dedupKey, key.id(), regarding, renderer.message(who.chatId, key, who.language, values, markup),
                    now, now.plus(REPLY_LIFETIME));
        }

        void toast(String text) {
            toast = text;
        }

        void removeKeyboard(Who who, int messageId) {
            direct(() -> gateway.editMessageReplyMarkup(who.chatId, messageId, null));
        }

        void direct(Runnable call) {
            direct.add(call);
        }

        void finish() {
            if (callbackId == null && direct.isEmpty()) {
                return;
            }
            String id = callbackId;
            String text = toast;
            List<Runnable> calls = List.copyOf(direct);
            s.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status != Status.STATUS_COMMITTED) {
                        return;
                    }
                    try {
                        if (id != null) {
                            gateway.answerCallbackQuery(id, text);
                        }
                        calls.forEach(Runnable::run);
                    } catch (RuntimeException e) {
                        log.warn("conversation.direct failed update={} error={}", updateId, e.toString());
                    }
                }
            });
        }
    }
}
