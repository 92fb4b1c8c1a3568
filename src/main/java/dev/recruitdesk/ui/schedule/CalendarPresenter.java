package dev.recruitdesk.ui.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Puts the {@link WeekGrid} into the Schedule screen and keeps it in step with the view model: blocks, today's
 * column, the selection and a drawn slot go in; the grid's gestures go out as view-model commands.
 */
final class CalendarPresenter {

    /** The hour shown at the top when the calendar first appears. */
    static final int FIRST_VISIBLE_MINUTE = 7 * 60;

    private final ScheduleViewModel model;
    private final I18n i18n;
    private final WeekGrid grid = new WeekGrid();
    private final HBox dayHeader;
    private final ScrollPane scroll;
    private boolean scrolledToMorning;

    CalendarPresenter(ScheduleViewModel model, dev.recruitdesk.ui.I18n i18n, VBox pane, HBox dayHeader, ScrollPane scroll) {
        this.model = model;
        this.i18n = new I18n(i18n);
        this.dayHeader = dayHeader;
        this.scroll = scroll;
        scroll.setContent(grid);
        grid.attach(scroll);
        buildDayHeader();
        model.daysProperty().addListener((obs, old, days) -> showDays(days));
        showDays(model.daysProperty().get());
        model.blocks().addListener((ListChangeListener<CalendarBlock>) change -> showBlocks());
        model.selectedProperty().addListener((obs, old, now) -> grid.setSelected(now));
        model.drawnProperty().addListener((obs, old, now) -> showDrawn(now));
        grid.setListener(new WeekGrid.Listener() {
            @Override
            public void selected(CalendarBlock block) {
                model.select(block);
            }

            @Override
            public void drew(int day, int startMinute, int minutes) {
                model.drawSlot(model.weekStartProperty().get().plusDays(day), startMinute, minutes);
            }

            @Override
            public void dragged(CalendarBlock block, int day, int startMinute, int minutes) {
                model.dragBlock(block, model.weekStartProperty().get().plusDays(day), startMinute, minutes);
            }

            @Override
            public void cleared() {
                model.select(null);
                model.clearDrawn();
            }
        });
        scroll.viewportBoundsProperty().addListener((obs, old, bounds) -> {
            if (!scrolledToMorning && bounds.getHeight() > 0) {
                scrolledToMorning = true;
                grid.scrollToMinute(FIRST_VISIBLE_MINUTE);
            }
        });
        showBlocks();
    }

    WeekGrid grid() {
        return grid;
    }

    private void buildDayHeader() {
        Region gutter = new Region();
        gutter.getStyleClass().add("cal-gutter");
        gutter.setMinWidth(WeekGrid.GUTTER);
        gutter.setPrefWidth(WeekGrid.GUTTER);
        dayHeader.getChildren().add(gutter);
        for (int d = 0; d < 7; d++) {
            Label l = new Label();
            l.getStyleClass().add("cal-day");
            l.setId("calDay-" + d);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinWidth(0);
            l.setPrefWidth(0);
            HBox.setHgrow(l, Priority.ALWAYS);
            dayHeader.getChildren().add(l);
        }
    }

    private void showDays(List<ScheduleViewModel.DayHeader> days) {
        for (int d = 0; d < days.size() && d < 7; d++) {
            Label l = (Label) dayHeader.getChildren().get(d + 1);
            ScheduleViewModel.DayHeader h = days.get(d);
            l.setText(h.title());
            l.getStyleClass().remove("today");
            if (h.today()) {
                l.getStyleClass().add("today");
            }
        }
    }

    private void showBlocks() {
        List<ScheduleViewModel.DayHeader> days = model.daysProperty().get();
        int today = -1;
        for (int d = 0; d < days.size(); d++) {
            if (days.get(d).today()) {
                today = d;
            }
        }
        LocalTime now = LocalTime.ofInstant(model.services().clock().instant(), model.zone());
        grid.setBlocks(model.blocks(), today, today < 0 ? -1 : now.getHour() * 60 + now.getMinute());
        showDrawn(model.drawnProperty().get());
    }

    private void showDrawn(ScheduleViewModel.DrawnSlot drawn) {
        if (drawn == null) {
            grid.showDrawn(-1, 0, 0, "");
            return;
        }
        LocalDate monday = model.weekStartProperty().get();
        int day = WeekGrid.dayIndex(monday, drawn.date());
        if (day < 0 || day > 6) {
            grid.showDrawn(-1, 0, 0, "");
            return;
        }
        LocalTime start = LocalTime.MIN.plusMinutes(drawn.startMinute());
        grid.showDrawn(day, drawn.startMinute(), drawn.minutes(), i18n.tr("schedule.calendar.new") + " · "
                + model.format().time(start) + "–" + model.format().time(start.plusMinutes(drawn.minutes())));
    }

    /** The one translation call this class needs, kept as a tiny adapter so the grid stays free of the bundle. */
    private record I18n(dev.recruitdesk.ui.I18n bundle) {
        String tr(String key) {
            return bundle.tr(key);
        }
    }
}
