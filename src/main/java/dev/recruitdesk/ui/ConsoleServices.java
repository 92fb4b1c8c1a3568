package dev.recruitdesk.ui;

import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.SlotService;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What the screens may use once the database is open: use cases and read models, never repositories.
 *
 * @param recruiterId   the recruiter this console works as
 * @param recruiterZone the zone every time on screen is shown in
 * @param meetingLink   the recruiter's default meeting link for new slots, or null
 * @param dbLocation    the database folder or URL, for the status bar
 * @param teamMode      true on a shared PostgreSQL database
 */
public record ConsoleServices(SlotService slots, BookingService bookings, long recruiterId, ZoneId recruiterZone,
                              String meetingLink, Clock clock, String dbLocation, boolean teamMode) {
}
