package dev.recruitdesk.ui.shell;

import dev.recruitdesk.booking.BookingChanges;
import dev.recruitdesk.booking.BookingQueries;
import dev.recruitdesk.booking.BookingRow;
import dev.recruitdesk.domain.Actor;
import dev.recruitdesk.domain.BookingStatus;
import dev.recruitdesk.ui.BookingFormat;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What needs the recruiter, for the whole window: the number of requests waiting (the sidebar badge), the number
 * of items needing action (requests + approved bookings unconfirmed within the hour: the window title), and a toast
 * whenever a candidate books, confirms or declines. Counts reload off the FX thread after every committed change.
 */
public class AttentionModel {

    private static final Logger log = LoggerFactory.getLogger(AttentionModel.class);

    /** A short note shown for a few seconds in the corner. */
    public record Toast(String title, String text, String style) {
    }

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final Executor fxThread;
    private final BookingFormat format;
    private final ReadOnlyLongWrapper requests = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper needingAction = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Toast> toast = new ReadOnlyObjectWrapper<>();
    private int generation;

    public AttentionModel(ConsoleServices services, TaskRunner tasks, I18n i18n, Executor fxThread) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.fxThread = fxThread;
        this.format = new BookingFormat(i18n, services.recruiterZone());
        services.bookings().changes().subscribe(this::changed);
        services.bookings().changes().subscribeAcrossConsoles(Set.of("booking"), fxThread, this::refresh);
    }

    /** Runs on the thread that committed the change: everything else happens on the FX thread and the task pool. */
    private void changed(BookingChanges.Change change) {
        fxThread.execute(() -> {
            refresh();
            if (change.actor() == Actor.CANDIDATE && change.recruiterId() == services.recruiterId()) {
                announce(change);
            }
        });
    }

    /** Counts again (after changes, and every minute, since "within the hour" moves with the clock). */
    public void refresh() {
        int mine = ++generation;
        tasks.run(() -> services.queries().attention(services.recruiterId()), counts -> {
            if (mine == generation) {
                requests.set(counts.requests());
                needingAction.set(counts.total());
            }
        }, failure -> log.warn("attention.count.failed: {}", failure.toString()));
    }

    private void announce(BookingChanges.Change change) {
        String key = switch (change.status()) {
            case REQUESTED -> "toast.requested";
            case CONFIRMED -> "toast.confirmed";
            case DECLINED -> "toast.declined";
            default -> null;
        };
        if (key == null) {
            return;
        }
        tasks.run(() -> services.queries().booking(change.bookingId()), row -> toast.set(toast(key, change.status(), row)),
                failure -> log.warn("attention.toast.failed booking={}: {}", change.bookingId(), failure.toString()));
    }

    private Toast toast(String key, BookingStatus status, BookingRow row) {
        String style = switch (status) {
            case CONFIRMED -> "toast-good";
            case DECLINED -> "toast-bad";
            default -> "toast-info";
        };
        return new Toast(i18n.tr(key, row.candidateName()), format.when(row.start(), row.end()), style);
    }

    /** Requests waiting for approval: the sidebar badge. */
    public ReadOnlyLongProperty requestsProperty() {
        return requests.getReadOnlyProperty();
    }

    /** Requests waiting plus approved bookings still unconfirmed within the hour: the count in the window title. */
    public ReadOnlyLongProperty needingActionProperty() {
        return needingAction.getReadOnlyProperty();
    }

    /** The latest toast (a new object each time, so listeners see every one). */
    public ReadOnlyObjectProperty<Toast> toastProperty() {
        return toast.getReadOnlyProperty();
    }
}
