package dev.recruitdesk.ui.candidates;

import dev.recruitdesk.ui.I18n;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One candidate: name, contact, state badge, a "waiting list" badge, and a "blocked the bot" badge when Telegram said so. */
final class CandidateCell extends ListCell<CandidateItem> {

    private final Label name = new Label();
    private final Label contact = new Label();
    private final Label state = new Label();
    private final Label blocked = new Label();
    private final Label waiting = new Label();
    private final HBox box;
    private String stateStyle;

    CandidateCell(I18n i18n) {
        getStyleClass().add("candidate-cell");
        setPrefWidth(0);
        name.getStyleClass().add("candidate-name");
        contact.getStyleClass().add("candidate-contact");
        state.getStyleClass().add("status-badge");
        state.setMinWidth(Region.USE_PREF_SIZE);
        blocked.getStyleClass().add("blocked-badge");
        blocked.setText(i18n.tr("candidates.blocked"));
        blocked.setMinWidth(Region.USE_PREF_SIZE);
        waiting.getStyleClass().add("waiting-badge");
        waiting.setText(i18n.tr("candidates.waiting"));
        waiting.setMinWidth(Region.USE_PREF_SIZE);
        VBox text = new VBox(name, contact);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(8, text, waiting, blocked, state);
        box.getStyleClass().add("candidate-row");
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(CandidateItem item, boolean emptyCell) {
        super.updateItem(item, emptyCell);
        setText(null);
        if (stateStyle != null) {
            state.getStyleClass().remove(stateStyle);
            stateStyle = null;
        }
        if (emptyCell || item == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        setId("candidate-" + item.id());
        name.setText(item.row().name());
        contact.setText(item.contact());
        state.setText(item.state());
        stateStyle = item.stateStyle();
        state.getStyleClass().add(stateStyle);
        blocked.setVisible(item.blocked());
        blocked.setManaged(item.blocked());
        waiting.setVisible(item.waiting());
        waiting.setManaged(item.waiting());
        setGraphic(box);
    }
}
