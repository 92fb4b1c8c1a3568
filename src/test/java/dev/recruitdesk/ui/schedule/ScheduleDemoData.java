package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;

import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.booking.BookingService;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A week of open and booked slots for screenshots. As a program it fills a home folder for a manual look at the
 * real window: {@code java -cp target/classes:target/test-classes:<deps> dev.recruitdesk.ui.schedule.ScheduleDemoData HOME 2026-11-30}.
 */
public final class ScheduleDemoData {

    private ScheduleDemoData() {
    }

    public static void main(String[] args) {
        seed(Path.of(args[0]), LocalDate.parse(args[1]), ZoneId.systemDefault());
    }

    /** Slots from Monday {@code monday} to Friday in {@code zone}, created as if it were the day before. */
    public static void seed(Path home, LocalDate monday, ZoneId zone) {
        Clock dayBefore = Clock.fixed(monday.minusDays(1).atTime(12, 0).atZone(zone).toInstant(), ZoneOffset.UTC);
        try (Backend b = AppContext.forHome(home, dayBefore).openBackend()) {
            String meet = "https://meet.example.com/rd-interview";
            booked(b, slot(b, monday, zone, 0, "10:00", 45, "Office, room 3"), "Maria Ivanova", true, true);
            booked(b, slot(b, monday, zone, 1, "10:00", 30, meet), "Anna Petrova", true, true);
            booked(b, slot(b, monday, zone, 1, "11:00", 30, meet), "Dmitry Sokolov", false, false);
            slot(b, monday, zone, 1, "14:00", 60, "Office, room 3");
            booked(b, slot(b, monday, zone, 2, "09:30", 30, meet), "Elena Kuznetsova", true, false);
            slot(b, monday, zone, 2, "16:00", 90, null);
            slot(b, monday, zone, 3, "12:00", 45, meet);
            booked(b, slot(b, monday, zone, 4, "10:00", 30, meet), "Ivan Smirnov", false, false);
        }
    }

    private static SlotRow slot(Backend b, LocalDate monday, ZoneId zone, int day, String time, int minutes, String place) {
        return b.slots().create(TestCallers.ADMIN, b.currentRecruiterId(), monday.plusDays(day).atTime(LocalTime.parse(time)).atZone(zone).toInstant(),
                Duration.ofMinutes(minutes), place);
    }

    private static void booked(Backend b, SlotRow slot, String name, boolean approve, boolean confirm) {
        BookingService bookings = b.bookings();
        long candidate = b.candidates().create(TestCallers.ADMIN, name, "Europe/Moscow").getId();
        long booking = bookings.request(slot.id(), candidate, Actor.CANDIDATE).getId();
        if (approve) {
            TestBookings.approve(bookings, booking);
        }
        if (confirm) {
            bookings.confirm(booking);
        }
    }
}
