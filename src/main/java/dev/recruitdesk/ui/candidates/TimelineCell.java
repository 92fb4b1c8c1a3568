package dev.recruitdesk.ui.candidates;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One timeline line: a coloured marker, what happened, when, and details. */
final class TimelineCell extends ListCell<TimelineLine> {

    private static final List<String> STYLES = List.of("tl-change", "tl-press", "tl-queued", "tl-sent", "tl-failed", "tl-ambiguous");

    private final Region marker = new Region();
    private final Label title = new Label();
    private final Label time = new Label();
    private final Label detail = new Label();
    private final HBox box;

    TimelineCell() {
        getStyleClass().add("timeline-cell");
        setPrefWidth(0);
        marker.getStyleClass().add("tl-marker");
        title.getStyleClass().add("tl-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        time.getStyleClass().add("tl-time");
        detail.getStyleClass().add("tl-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(title, time, detail);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(10, marker, text);
        box.getStyleClass().add("tl-row");
    }

    @Override
    protected void updateItem(TimelineLine line, boolean emptyCell) {
        super.updateItem(line, emptyCell);
        setText(null);
        getStyleClass().removeAll(STYLES);
        if (emptyCell || line == null) {
            setGraphic(null);
            return;
        }
        getStyleClass().add(line.style());
        title.setText(line.title());
        time.setText(line.time());
        detail.setText(line.detail());
        detail.setVisible(!line.detail().isEmpty());
        detail.setManaged(!line.detail().isEmpty());
        setGraphic(box);
    }
}
