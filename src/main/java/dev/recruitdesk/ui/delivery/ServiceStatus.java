package dev.recruitdesk.ui.delivery;

import dev.recruitdesk.delivery.DeliveryHealth;

/**
 * The running services as the Delivery screen's health strip shows them: the bot connection and the delivery
 * engine. Implemented by the composition root, which owns the bot and the dispatcher.
 */
public interface ServiceStatus {

    /** How the bot connection is doing. */
    enum BotState {
        /** A real bot token, messages go through. */
        OK,
        /** The built-in fake Telegram (no token configured). */
        SANDBOX,
        /** Telegram refused the token: nothing is sent until it is fixed. */
        BAD_TOKEN,
        /** Another process polls the same token. */
        CONFLICT
    }

    BotState botState();

    /** Who runs the delivery service (holds the service lease), e.g. {@code this console}. */
    String leaseHolder();

    DeliveryHealth health();
}
