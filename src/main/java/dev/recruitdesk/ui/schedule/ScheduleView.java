package dev.recruitdesk.ui.schedule;

/** The Schedule screen's controller. */
public class ScheduleView {

    private final ScheduleViewModel model;

    public ScheduleView(ScheduleViewModel model) {
        this.model = model;
    }
}
