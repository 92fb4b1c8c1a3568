package dev.recruitdesk.ui;

import dev.recruitdesk.ui.bookings.BookingsView;
import dev.recruitdesk.ui.bookings.BookingsViewModel;
import dev.recruitdesk.ui.candidates.CandidatesView;
import dev.recruitdesk.ui.candidates.CandidatesViewModel;
import dev.recruitdesk.ui.dashboard.DashboardView;
import dev.recruitdesk.ui.dashboard.DashboardViewModel;
import dev.recruitdesk.ui.delivery.DeliveryView;
import dev.recruitdesk.ui.delivery.DeliveryViewModel;
import dev.recruitdesk.ui.requests.RequestsView;
import dev.recruitdesk.ui.requests.RequestsViewModel;
import dev.recruitdesk.ui.schedule.ScheduleView;
import dev.recruitdesk.ui.schedule.ScheduleViewModel;
import dev.recruitdesk.ui.settings.SettingsView;
import dev.recruitdesk.ui.settings.SettingsViewModel;
import dev.recruitdesk.ui.shell.AttentionModel;
import dev.recruitdesk.ui.templates.TemplatesView;
import dev.recruitdesk.ui.templates.TemplatesViewModel;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Parent;

/** Builds the screens and their view models from the services: the FXML controller factory of the console. */
public final class Screens {

    private final ConsoleServices services;
    private final AdminServices admin;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ViewLoader loader;
    private final LinkOpener links;
    private final SaveFileDialog saveDialog;
    private final Executor fxThread;

    /** Without the admin screens (the people screens' tests). */
    public Screens(ConsoleServices services, TaskRunner tasks, I18n i18n, LinkOpener links) {
        this(services, null, tasks, i18n, links);
    }

    /**
     * @param admin the admin screens' services (delivery, templates, settings, dashboard), or null without them
     * @param links opens Telegram chats in the browser (the app's host services; a recording fake in tests)
     */
    public Screens(ConsoleServices services, AdminServices admin, TaskRunner tasks, I18n i18n, LinkOpener links) {
        this(services, admin, tasks, i18n, links, SaveFileDialog.nativeDialog());
    }

    /** @param saveDialog asks where exports go (the native dialog in the app; tests answer with a path) */
    public Screens(ConsoleServices services, AdminServices admin, TaskRunner tasks, I18n i18n, LinkOpener links,
                   SaveFileDialog saveDialog) {
        this.services = services;
        this.admin = admin;
        this.tasks = tasks;
        this.i18n = i18n;
        this.links = links;
        this.saveDialog = saveDialog;
        this.fxThread = Platform::runLater;
        this.loader = new ViewLoader(i18n, this::controller);
    }

    private Object controller(Class<?> type) {
        if (type == ScheduleView.class) {
            return new ScheduleView(new ScheduleViewModel(services, tasks, i18n), i18n);
        }
        if (type == DeliveryView.class) {
            return new DeliveryView(new DeliveryViewModel(admin, services.recruiterZone(), tasks, i18n), i18n);
        }
        if (type == TemplatesView.class) {
            return new TemplatesView(new TemplatesViewModel(admin, tasks, i18n), i18n);
        }
        if (type == SettingsView.class) {
            return new SettingsView(new SettingsViewModel(services, admin, tasks, i18n), i18n);
        }
        if (type == DashboardView.class) {
            return new DashboardView(new DashboardViewModel(services, admin, tasks, i18n), i18n, saveDialog);
        }
        if (type == RequestsView.class) {
            return new RequestsView(new RequestsViewModel(services, tasks, i18n, fxThread), i18n);
        }
        if (type == BookingsView.class) {
            return new BookingsView(new BookingsViewModel(services, tasks, i18n, fxThread), i18n);
        }
        if (type == CandidatesView.class) {
            return new CandidatesView(new CandidatesViewModel(services, tasks, i18n, fxThread, links), i18n);
        }
        throw new IllegalArgumentException("No controller for " + type.getName());
    }

    public Parent schedule() {
        return loader.load(ScheduleView.class).root();
    }

    public Parent delivery() {
        return loader.load(DeliveryView.class).root();
    }

    public Parent templates() {
        return loader.load(TemplatesView.class).root();
    }

    public Parent settings() {
        return loader.load(SettingsView.class).root();
    }

    public Parent dashboard() {
        return loader.load(DashboardView.class).root();
    }

    public Parent requests() {
        return loader.load(RequestsView.class).root();
    }

    public Parent bookings() {
        return loader.load(BookingsView.class).root();
    }

    public ViewLoader.Loaded<CandidatesView> candidates() {
        return loader.load(CandidatesView.class);
    }

    /** The window-wide counts and toasts. */
    public AttentionModel attention() {
        return new AttentionModel(services, tasks, i18n, fxThread);
    }

    public I18n i18n() {
        return i18n;
    }
}
