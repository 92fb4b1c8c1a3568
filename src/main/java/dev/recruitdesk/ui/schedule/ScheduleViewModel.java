package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;

/** State and commands of the Schedule screen. */
public class ScheduleViewModel {

    private final ConsoleServices services;
    private final TaskRunner tasks;
    private final I18n i18n;

    public ScheduleViewModel(ConsoleServices services, TaskRunner tasks, I18n i18n) {
        this.services = services;
        this.tasks = tasks;
        this.i18n = i18n;
    }
}
