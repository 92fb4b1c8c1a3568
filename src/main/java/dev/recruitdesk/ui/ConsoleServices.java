package dev.recruitdesk.ui;

import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.booking.BookingQueries;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.RecruiterMessages;
import dev.recruitdesk.booking.CandidateService;
import dev.recruitdesk.booking.InviteService;
import dev.recruitdesk.booking.SlotService;
import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * What the screens may use once the database is open: use cases and read models, never repositories.
 *
 * @param caller        who uses this console: every use case checks their scope and audits their actions
 * @param recruiterZone the zone every time on screen is shown in
 * @param meetingLink   the recruiter's default meeting link for new slots, or null
 * @param dbLocation    the database folder or URL, for the status bar
 * @param teamMode      true on a shared PostgreSQL database
 * @param botUsername   the bot's @username for invite links (may ask Telegram: call it off the FX thread); null when unknown
 */
public record ConsoleServices(SlotService slots, BookingService bookings, Caller caller, ZoneId recruiterZone,
                              String meetingLink, Clock clock, String dbLocation, boolean teamMode,
                              CandidateService candidates, BookingQueries queries, InviteService invites,
                              RecruiterMessages messaging, Supplier<String> botUsername) {

    /** The services the Schedule screen needs, without the people screens'. */
    public ConsoleServices(SlotService slots, BookingService bookings, Caller caller, ZoneId recruiterZone,
                           String meetingLink, Clock clock, String dbLocation, boolean teamMode) {
        this(slots, bookings, caller, recruiterZone, meetingLink, clock, dbLocation, teamMode, null, null, null, null, () -> null);
    }

    /** The recruiter this console works as (whose schedule it shows and whose slots it creates). */
    public long recruiterId() {
        return caller.recruiterId();
    }

    /** The same services seen from another zone or clock (tests, and a recruiter who travels). */
    public ConsoleServices withZoneAndClock(ZoneId zone, Clock newClock) {
        return new ConsoleServices(slots, bookings, caller, zone, meetingLink, newClock, dbLocation, teamMode, candidates, queries,
                invites, messaging, botUsername);
    }
}
