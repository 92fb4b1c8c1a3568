package dev.recruitdesk.ui.bookings;

import dev.recruitdesk.ui.I18n;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One booking: when (both zones), who, state; an unconfirmed one close to its start is flagged. */
final class BookingCell extends ListCell<BookingItem> {

    private static final List<String> ITEM_CLASSES = List.of("soon-unconfirmed", "inactive");

    private final Label when = new Label();
    private final Label candidateTime = new Label();
    private final Label name = new Label();
    private final Label startsIn = new Label();
    private final Label flag = new Label();
    private final Label recruiter = new Label();
    private final Label status = new Label();
    private final HBox box;
    private String statusStyle;

    BookingCell(I18n i18n) {
        getStyleClass().add("booking-cell");
        setPrefWidth(0);
        when.getStyleClass().add("booking-when");
        candidateTime.getStyleClass().add("booking-candidate-time");
        name.getStyleClass().add("booking-name");
        startsIn.getStyleClass().add("booking-starts-in");
        flag.getStyleClass().add("soon-flag");
        flag.setText(i18n.tr("bookings.soonFlag"));
        status.getStyleClass().add("status-badge");
        status.setMinWidth(Region.USE_PREF_SIZE);
        VBox timeBox = new VBox(when, candidateTime);
        timeBox.getStyleClass().add("booking-time-box");
        recruiter.getStyleClass().add("recruiter-badge");
        HBox nameLine = new HBox(8, name, recruiter, flag);
        nameLine.setAlignment(Pos.BASELINE_LEFT);
        VBox who = new VBox(nameLine, startsIn);
        who.getStyleClass().add("booking-who");
        who.setMinWidth(0);
        HBox.setHgrow(who, Priority.ALWAYS);
        box = new HBox(timeBox, who, status);
        box.getStyleClass().add("booking-row");
        box.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(BookingItem item, boolean emptyCell) {
        super.updateItem(item, emptyCell);
        setText(null);
        getStyleClass().removeAll(ITEM_CLASSES);
        if (statusStyle != null) {
            status.getStyleClass().remove(statusStyle);
            statusStyle = null;
        }
        if (emptyCell || item == null) {
            setGraphic(null);
            setId(null);
            return;
        }
        setId("booking-" + item.bookingId());
        when.setText(item.when());
        candidateTime.setText(item.candidateTime());
        name.setText(item.row().candidateName());
        startsIn.setText(item.startsIn());
        status.setText(item.status());
        statusStyle = item.statusStyle();
        status.getStyleClass().add(statusStyle);
        recruiter.setText(item.recruiter());
        recruiter.setVisible(!item.recruiter().isEmpty());
        recruiter.setManaged(!item.recruiter().isEmpty());
        flag.setVisible(item.soonUnconfirmed());
        flag.setManaged(item.soonUnconfirmed());
        if (item.soonUnconfirmed()) {
            getStyleClass().add("soon-unconfirmed");
        }
        if (!item.row().status().isActive()) {
            getStyleClass().add("inactive");
        }
        setGraphic(box);
    }
}
