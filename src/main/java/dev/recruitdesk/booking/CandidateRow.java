package dev.recruitdesk.booking;

import dev.recruitdesk.domain.BookingStatus;
import java.time.Instant;
import java.util.Locale;

/**
 * A candidate as the list shows it, with the state of their latest booking (null when they never booked).
 *
 * @param hasChat   the candidate started the bot, so messages can reach them (unless blocked)
 * @param reachable false once Telegram said the candidate blocked the bot
 * @param waiting   on the waiting list: found no free time in the bot and waits to be told of new slots
 */
public record CandidateRow(long id, String name, String username, String phone, String zone, boolean hasChat,
                           boolean reachable, BookingStatus latestStatus, Instant latestStart, boolean waiting) {

    /** The lower-case text a search matches against: name, username (with and without @) and phone digits. */
    public String searchText() {
        StringBuilder sb = new StringBuilder(name.toLowerCase(Locale.ROOT));
        if (username != null) {
            sb.append(" @").append(username.toLowerCase(Locale.ROOT));
        }
        if (phone != null) {
            sb.append(' ').append(phone).append(' ').append(phone.replaceAll("[^0-9+]", ""));
        }
        return sb.toString();
    }
}
