package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.booking.TestBookings;

import atlantafx.base.theme.PrimerLight;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.booking.SlotRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.Candidate;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.FxTaskRunner;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.Screens;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Schedule screen alone in a window, on a real backend the test keeps a handle on (to seed data and to read
 * bookings and outbox rows while the screen runs). Closed after each test.
 */
final class ScheduleScreen implements AutoCloseable {

    final Backend backend;
    final ConsoleServices services;
    final FxTaskRunner tasks = new FxTaskRunner();
    Parent root;

    ScheduleScreen(Path home, Clock clock) {
        backend = AppContext.forHome(home, clock).openBackend();
        services = ConsoleApp.servicesOf(backend, TestCallers.soleUser(backend.currentRecruiterId()));
    }

    /** Shows the screen in {@code stage} (call from {@code @Start}, on the FX thread). */
    void show(Stage stage, double width, double height) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        root = new Screens(services, tasks, new I18n(Locale.ENGLISH), url -> { }).schedule();
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    ZoneId zone() {
        return services.recruiterZone();
    }

    SlotRow slot(LocalDate day, String time, int minutes, String place) {
        return backend.slots().create(TestCallers.ADMIN, services.recruiterId(), day.atTime(LocalTime.parse(time)).atZone(zone()).toInstant(),
                Duration.ofMinutes(minutes), place);
    }

    /** A candidate with a Telegram chat (so messages are queued for them) who booked {@code slot}; approved if asked. */
    long book(SlotRow slot, String name, boolean approve, boolean confirm) {
        long candidate = backend.candidates().create(TestCallers.ADMIN, name, "Europe/Moscow").getId();
        backend.database().run(s -> s.find(Candidate.class, candidate).bindTelegram(900_000 + candidate, 900_000 + candidate, null));
        long booking = backend.bookings().request(slot.id(), candidate, Actor.CANDIDATE).getId();
        if (approve) {
            TestBookings.approve(backend.bookings(), booking);
        }
        if (confirm) {
            backend.bookings().confirm(booking);
        }
        return booking;
    }

    static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Override
    public void close() {
        tasks.close();
        backend.close();
    }
}
