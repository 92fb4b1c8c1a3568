package dev.recruitdesk.ui.candidates;

import dev.recruitdesk.booking.CandidateRow;

/**
 * One candidate in the list, with the lower-case text a search matches (computed once, not per keystroke).
 *
 * @param stateStyle the badge's style class, e.g. {@code status-confirmed} or {@code status-new}
 */
public record CandidateItem(CandidateRow row, String searchText, String contact, String state, String stateStyle) {

    public long id() {
        return row.id();
    }

    public boolean waiting() {
        return row.waiting();
    }

    public boolean blocked() {
        return row.hasChat() && !row.reachable();
    }
}
