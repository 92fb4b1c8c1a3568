package dev.recruitdesk.ui.requests;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One request: who, when in both zones, and how long it has waited. */
final class RequestCell extends ListCell<RequestItem> {

    private final Label name = new Label();
    private final Label username = new Label();
    private final Label recruiterTime = new Label();
    private final Label candidateTime = new Label();
    private final Label waiting = new Label();
    private final Label recruiter = new Label();
    private final HBox box;

    RequestCell() {
        getStyleClass().add("request-cell");
        setPrefWidth(0);
        name.getStyleClass().add("request-name");
        username.getStyleClass().add("request-username");
        recruiterTime.getStyleClass().add("request-time");
        candidateTime.getStyleClass().add("request-candidate-time");
        waiting.getStyleClass().add("waiting-badge");
        waiting.setMinWidth(HBox.USE_PREF_SIZE);
        recruiter.getStyleClass().add("recruiter-badge");
        HBox who = new HBox(8, name, username, recruiter);
        who.setAlignment(Pos.BASELINE_LEFT);
        VBox text = new VBox(who, recruiterTime, candidateTime);
        text.getStyleClass().add("request-text");
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(text, waiting);
        box.getStyleClass().add("request-row");
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(RequestItem item, boolean emptyCell) {
        super.updateItem(item, emptyCell);
        setText(null);
        waiting.textProperty().unbind();
        if (emptyCell || item == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        setId("request-" + item.bookingId());
        name.setText(item.candidateName());
        String user = item.row().candidateUsername();
        username.setText(user == null ? "" : "@" + user);
        recruiterTime.setText(item.recruiterTime());
        candidateTime.setText(item.candidateTime());
        recruiter.setText(item.recruiter());
        recruiter.setVisible(!item.recruiter().isEmpty());
        recruiter.setManaged(!item.recruiter().isEmpty());
        waiting.textProperty().bind(item.waitingProperty());
        setGraphic(box);
    }
}
