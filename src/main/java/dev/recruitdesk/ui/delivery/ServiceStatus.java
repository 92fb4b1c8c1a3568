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
        CONFLICT,
        /** Team mode: this console lacks the team's secrets.key, so it cannot run the bot or sign its buttons. */
        NO_SECRETS_KEY
    }

    /** What {@link #leaseHolder()} answers when this console runs the delivery service. */
    String THIS_CONSOLE = "this console";

    BotState botState();

    /** Who runs the delivery service (holds the service lease): {@link #THIS_CONSOLE}, user@host of another, or null. */
    String leaseHolder();

    DeliveryHealth health();
}
