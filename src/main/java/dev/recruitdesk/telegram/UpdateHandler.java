package dev.recruitdesk.telegram;

import com.pengrad.telegrambot.model.Update;
import org.hibernate.Session;

/**
 * Reacts to one inbound update. Runs inside the transaction that also moves the bot's stored offset past the
 * update, so its database effects (bookings, outbox rows) and the offset commit together or not at all. Throwing
 * rolls both back; the poller then retries the update a few times and finally skips it (see {@link UpdatePoller}).
 * Must accept any shape of update: fields Telegram did not send are {@code null}.
 */
@FunctionalInterface
public interface UpdateHandler {

    void handle(Session session, Update update);
}
