package dev.recruitdesk.ui;

import dev.recruitdesk.ui.schedule.ScheduleView;
import dev.recruitdesk.ui.schedule.ScheduleViewModel;
import javafx.scene.Parent;

/** Builds the screens and their view models from the services: the FXML controller factory of the console. */
public final class Screens {

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final ViewLoader loader;

    public Screens(ConsoleServices services, TaskRunner tasks, I18n i18n) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
        this.loader = new ViewLoader(i18n, this::controller);
    }

    private Object controller(Class<?> type) {
        if (type == ScheduleView.class) {
            return new ScheduleView(new ScheduleViewModel(services, tasks, i18n), i18n);
        }
        throw new IllegalArgumentException("No controller for " + type.getName());
    }

    public Parent schedule() {
        return loader.load(ScheduleView.class).root();
    }
}
