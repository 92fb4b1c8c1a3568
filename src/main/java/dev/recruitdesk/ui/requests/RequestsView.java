package dev.recruitdesk.ui.requests;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.SlotChoice;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Requests screen's controller. Ctrl+Enter approves the selection, Ctrl+A selects every request. */
public class RequestsView {

    static final KeyCombination APPROVE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

    private final RequestsViewModel model;
    private final I18n i18n;

    @FXML private BorderPane root;
    @FXML private Label summary;
    @FXML private Label zoneNote;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button approveButton;
    @FXML private ListView<RequestItem> requestList;
    @FXML private VBox emptyState;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerDismissButton;
    @FXML private VBox actionPane;
    @FXML private Label selectionLabel;
    @FXML private TextArea rejectNote;
    @FXML private Label noteError;
    @FXML private Button rejectButton;
    @FXML private ComboBox<SlotChoice> slotChoice;
    @FXML private Button proposeButton;

    private List<Long> chosenIds = List.of();
    private boolean reloading;

    public RequestsView(RequestsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        zoneNote.setText(model.zoneNote());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());

        requestList.setItems(model.requests());
        requestList.setCellFactory(list -> new RequestCell());
        requestList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        requestList.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RequestItem>) c -> {
            if (!reloading) {
                selectionChanged();
            }
        });
        model.requests().addListener((ListChangeListener<RequestItem>) c -> reselect());
        requestList.visibleProperty().bind(model.emptyProperty().not());
        emptyState.visibleProperty().bind(model.emptyProperty());

        banner.visibleProperty().bind(model.messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((obs, old, error) -> {
            banner.getStyleClass().remove("banner-error");
            if (error) {
                banner.getStyleClass().add("banner-error");
            }
        });

        var none = Bindings.isEmpty(model.selected());
        approveButton.textProperty().bind(Bindings.createStringBinding(() -> model.selected().size() > 1
                ? i18n.tr("requests.approveMany", model.selected().size()) : i18n.tr("requests.approve"), model.selected()));
        approveButton.disableProperty().bind(none.or(model.busyProperty()));
        rejectButton.disableProperty().bind(none.or(model.busyProperty()));
        rejectNote.disableProperty().bind(none);
        rejectNote.textProperty().bindBidirectional(model.rejectNoteProperty());
        FieldErrors.show(noteError, model.noteErrorProperty());
        slotChoice.setItems(model.slotChoices());
        slotChoice.valueProperty().bindBidirectional(model.proposedSlotProperty());
        slotChoice.disableProperty().bind(Bindings.size(model.selected()).isNotEqualTo(1));
        proposeButton.disableProperty().bind(model.canProposeProperty().not());
        selectionLabel.textProperty().bind(Bindings.createStringBinding(() -> selectionText(), model.selected()));

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (APPROVE.match(e)) {
                model.approveSelected();
                e.consume();
            }
        });
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(20), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        model.refresh();
    }

    private String selectionText() {
        int n = model.selected().size();
        if (n == 0) {
            return i18n.tr("requests.selection.none");
        }
        if (n == 1) {
            RequestItem item = model.selected().get(0);
            return item.candidateName() + " · " + item.recruiterTime();
        }
        return i18n.tr("requests.selection.many", n);
    }

    private void selectionChanged() {
        List<RequestItem> now = List.copyOf(requestList.getSelectionModel().getSelectedItems());
        chosenIds = now.stream().map(RequestItem::bookingId).toList();
        model.select(now);
    }

    /** After a reload the list holds new items: select the same requests again, or the first when none is left. */
    private void reselect() {
        reloading = true;
        try {
            requestList.getSelectionModel().clearSelection();
            List<RequestItem> again = model.requests().stream().filter(i -> chosenIds.contains(i.bookingId())).toList();
            if (again.isEmpty() && !model.requests().isEmpty()) {
                requestList.getSelectionModel().select(0);
            } else {
                again.forEach(item -> requestList.getSelectionModel().select(item));
            }
        } finally {
            reloading = false;
        }
        selectionChanged();
    }

    @FXML
    private void approve() {
        model.approveSelected();
    }

    @FXML
    private void reject() {
        model.rejectSelected();
    }

    @FXML
    private void propose() {
        model.proposeOtherTime();
    }

    @FXML
    private void dismissBanner() {
        model.dismissMessage();
    }
}
