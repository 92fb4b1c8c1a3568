package dev.recruitdesk.delivery;

/**
 * Puts one message on the wire and says what happened. Implementations never throw for network or API
 * failures; they map them to a {@link SendResult}. The delivery engine knows nothing of Telegram beyond this.
 */
public interface Sender {

    SendResult send(OutgoingMessage message);
}
