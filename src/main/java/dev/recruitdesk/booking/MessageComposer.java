package dev.recruitdesk.booking;

import dev.recruitdesk.delivery.OutgoingMessage;

/**
 * Renders a {@link Notice} into the message that goes on the wire, once, at enqueue time (so retries are
 * byte-identical). The bot implements it with the editable templates; the use cases only say what happened.
 */
public interface MessageComposer {

    OutgoingMessage compose(Notice notice);
}
