package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.ui.I18n;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Draws one agenda line: a day heading, or a slot with its time, who, where, state badge and delete button. */
final class AgendaCell extends ListCell<ScheduleEntry> {

    private static final List<String> ENTRY_CLASSES = List.of("day-cell", "slot-cell", "past",
            "state-open", "state-requested", "state-approved", "state-confirmed", "state-closed");

    private final HBox dayBox = new HBox();
    private final Label dayTitle = new Label();
    private final Label todayTag = new Label();
    private final Label daySummary = new Label();

    private final HBox slotBox = new HBox();
    private final Label timeRange = new Label();
    private final Label duration = new Label();
    private final Label who = new Label();
    private final Label place = new Label();
    private final Label state = new Label();
    private final Button deleteButton = new Button();

    AgendaCell(I18n i18n, Consumer<ScheduleEntry.SlotItem> onDelete) {
        getStyleClass().add("agenda-cell");
        // as wide as the list, never wider: long places are cut with an ellipsis instead of a horizontal scroll bar
        setPrefWidth(0);
        todayTag.setText(i18n.tr("schedule.day.today"));
        todayTag.getStyleClass().add("today-tag");
        dayTitle.getStyleClass().add("day-title");
        daySummary.getStyleClass().add("day-summary");
        Region dayGap = new Region();
        HBox.setHgrow(dayGap, Priority.ALWAYS);
        dayBox.getStyleClass().add("day-header");
        dayBox.setAlignment(Pos.BASELINE_LEFT);
        dayBox.getChildren().addAll(dayTitle, todayTag, dayGap, daySummary);

        timeRange.getStyleClass().add("slot-time");
        duration.getStyleClass().add("slot-duration");
        VBox when = new VBox(timeRange, duration);
        when.getStyleClass().add("slot-when");
        who.getStyleClass().add("slot-who");
        place.getStyleClass().add("slot-place");
        VBox what = new VBox(who, place);
        what.getStyleClass().add("slot-what");
        what.setMinWidth(0);
        HBox.setHgrow(what, Priority.ALWAYS);
        state.getStyleClass().add("state-badge");
        state.setMinWidth(Region.USE_PREF_SIZE);
        deleteButton.setText(i18n.tr("schedule.delete"));
        deleteButton.setTooltip(new Tooltip(i18n.tr("schedule.delete.tooltip")));
        deleteButton.getStyleClass().addAll("flat", "small", "delete-button");
        deleteButton.setMinWidth(Region.USE_PREF_SIZE);
        deleteButton.setOnAction(e -> {
            if (getItem() instanceof ScheduleEntry.SlotItem item) {
                onDelete.accept(item);
            }
        });
        slotBox.getStyleClass().add("slot-row");
        slotBox.setAlignment(Pos.CENTER_LEFT);
        slotBox.getChildren().addAll(when, what, state, deleteButton);
    }

    @Override
    protected void updateItem(ScheduleEntry entry, boolean emptyCell) {
        super.updateItem(entry, emptyCell);
        getStyleClass().removeAll(ENTRY_CLASSES);
        setText(null);
        if (emptyCell || entry == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        if (entry instanceof ScheduleEntry.Day day) {
            getStyleClass().add("day-cell");
            setId("day-" + day.date());
            dayTitle.setText(day.title());
            todayTag.setVisible(day.today());
            todayTag.setManaged(day.today());
            daySummary.setText(day.summary());
            setGraphic(dayBox);
        } else if (entry instanceof ScheduleEntry.SlotItem slot) {
            getStyleClass().addAll("slot-cell", slot.stateStyle());
            if (slot.past()) {
                getStyleClass().add("past");
            }
            setId("slot-" + slot.id());
            timeRange.setText(slot.timeRange());
            duration.setText(slot.duration());
            who.setText(slot.who());
            who.getStyleClass().remove("free");
            if (!slot.booked()) {
                who.getStyleClass().add("free");
            }
            place.setText(slot.place());
            place.getStyleClass().remove("link");
            if (slot.placeIsLink()) {
                place.getStyleClass().add("link");
            }
            state.setText(slot.state());
            deleteButton.setId("deleteSlot-" + slot.id());
            setGraphic(slotBox);
        }
    }
}
