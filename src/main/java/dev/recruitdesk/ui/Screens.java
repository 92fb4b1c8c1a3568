package dev.recruitdesk.ui;

import dev.recruitdesk.ui.dashboard.DashboardView;
import dev.recruitdesk.ui.dashboard.DashboardViewModel;
import dev.recruitdesk.ui.delivery.DeliveryView;
import dev.recruitdesk.ui.delivery.DeliveryViewModel;
import dev.recruitdesk.ui.schedule.ScheduleView;
import dev.recruitdesk.ui.schedule.ScheduleViewModel;
import dev.recruitdesk.ui.settings.SettingsView;
import dev.recruitdesk.ui.settings.SettingsViewModel;
import dev.recruitdesk.ui.templates.TemplatesView;
import dev.recruitdesk.ui.templates.TemplatesViewModel;
import javafx.scene.Parent;

/** Builds the screens and their view models from the services: the FXML controller factory of the console. */
public final class Screens {

    private final ConsoleServices services;
    private final AdminServices admin;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ViewLoader loader;

    public Screens(ConsoleServices services, TaskRunner tasks, I18n i18n) {
        this(services, null, tasks, i18n);
    }

    /** With the admin screens (delivery, templates, settings, dashboard). */
    public Screens(ConsoleServices services, AdminServices admin, TaskRunner tasks, I18n i18n) {
        this.services = services;
        this.admin = admin;
        this.tasks = tasks;
        this.i18n = i18n;
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
            return new DashboardView(new DashboardViewModel(services, admin, tasks, i18n), i18n);
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
}
