package dev.recruitdesk.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** A sender that records every call and answers from a script (then SENT), for dispatcher tests. */
final class ScriptedSender implements Sender {

    private final List<OutgoingMessage> calls = new CopyOnWriteArrayList<>();
    private final List<OutgoingMessage> delivered = new CopyOnWriteArrayList<>();
    private final Deque<Function<OutgoingMessage, SendResult>> script = new ConcurrentLinkedDeque<>();
    private final AtomicLong messageIds = new AtomicLong(1000);

    /** The next calls answer these, in order; afterwards every call succeeds. */
    ScriptedSender then(SendResult... results) {
        for (SendResult r : results) {
            script.add(m -> r);
        }
        return this;
    }

    ScriptedSender thenAnswer(Function<OutgoingMessage, SendResult> answer) {
        script.add(answer);
        return this;
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        calls.add(message);
        Function<OutgoingMessage, SendResult> next = script.poll();
        SendResult r = next == null ? SendResult.sent(messageIds.incrementAndGet(), Duration.ofMillis(1)) : next.apply(message);
        if (r.outcome() == SendResult.Outcome.SENT || r.outcome() == SendResult.Outcome.MAYBE_DELIVERED) {
            delivered.add(message);
        }
        return r;
    }

    List<OutgoingMessage> calls() {
        return new ArrayList<>(calls);
    }

    /** Calls that reached (or may have reached) the recipient. */
    List<OutgoingMessage> delivered() {
        return new ArrayList<>(delivered);
    }

    List<String> deliveredTexts() {
        return delivered.stream().map(OutgoingMessage::text).toList();
    }

    static SendResult transientError(String error) {
        return SendResult.failure(SendResult.Outcome.TRANSIENT, error, Duration.ofMillis(1));
    }

    static SendResult failure(SendResult.Outcome outcome, String error) {
        return SendResult.failure(outcome, error, Duration.ofMillis(1));
    }
}
