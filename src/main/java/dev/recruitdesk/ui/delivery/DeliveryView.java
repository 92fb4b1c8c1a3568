package dev.recruitdesk.ui.delivery;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.domain.OutboxStatus;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.delivery.DeliveryViewModel.AttemptRow;
import dev.recruitdesk.ui.delivery.DeliveryViewModel.Health;
import dev.recruitdesk.ui.delivery.DeliveryViewModel.MessageRow;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The Delivery screen's controller: binds the outbox table, the ledger and the health strip; refreshes every 2 s while shown. */
public class DeliveryView {

    private static final Duration REFRESH = Duration.seconds(2);

    private final DeliveryViewModel model;
    private final I18n i18n;
    private final Timeline timer;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label healthBot;
    @FXML private Label healthLease;
    @FXML private Label healthQueue;
    @FXML private Label healthRate;
    @FXML private Label healthRetry;
    @FXML private Label healthDuplicates;
    @FXML private Label healthUnreachable;
    @FXML private Label healthAmbiguous;
    @FXML private ComboBox<OutboxStatus> statusFilter;
    @FXML private ComboBox<String> kindFilter;
    @FXML private TextField searchField;
    @FXML private Button refreshButton;
    @FXML private TableView<MessageRow> messageTable;
    @FXML private TableColumn<MessageRow, OutboxStatus> statusColumn;
    @FXML private TableColumn<MessageRow, String> kindColumn;
    @FXML private TableColumn<MessageRow, String> recipientColumn;
    @FXML private TableColumn<MessageRow, String> dueColumn;
    @FXML private TableColumn<MessageRow, String> sentColumn;
    @FXML private TableColumn<MessageRow, Number> attemptsColumn;
    @FXML private TableColumn<MessageRow, String> errorColumn;
    @FXML private Button previousPageButton;
    @FXML private Label pageLabel;
    @FXML private Button nextPageButton;
    @FXML private Label loadError;
    @FXML private VBox detailPane;
    @FXML private Label detailTitle;
    @FXML private Label detailKey;
    @FXML private Label detailText;
    @FXML private Label ambiguousWarning;
    @FXML private Button resendButton;
    @FXML private Button cancelButton;
    @FXML private Label actionMessage;
    @FXML private TableView<AttemptRow> attemptTable;
    @FXML private TableColumn<AttemptRow, Number> attemptNoColumn;
    @FXML private TableColumn<AttemptRow, String> attemptAtColumn;
    @FXML private TableColumn<AttemptRow, String> attemptOutcomeColumn;
    @FXML private TableColumn<AttemptRow, String> attemptErrorColumn;

    public DeliveryView(DeliveryViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.timer = new Timeline(new KeyFrame(REFRESH, e -> model.refresh()));
        timer.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        model.healthProperty().addListener((o, a, h) -> showHealth(h));

        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(OutboxStatus.values());
        statusFilter.setButtonCell(statusCell());
        statusFilter.setCellFactory(list -> statusCell());
        statusFilter.valueProperty().bindBidirectional(model.statusFilterProperty());
        kindFilter.getItems().add(null);
        model.kinds().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = kindFilter.getValue();
            kindFilter.getItems().setAll(model.kinds());
            kindFilter.getItems().add(0, null);
            kindFilter.setValue(keep);
        });
        kindFilter.setButtonCell(kindCell());
        kindFilter.setCellFactory(list -> kindCell());
        kindFilter.valueProperty().bindBidirectional(model.kindFilterProperty());
        searchField.textProperty().bindBidirectional(model.searchProperty());

        messageTable.setItems(model.rows());
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        statusColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(OutboxStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                setGraphic(null);
                if (!empty && s != null) {
                    Label pill = new Label(model.statusText(s));
                    pill.getStyleClass().addAll("status-pill", "status-" + s.name().toLowerCase());
                    pill.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    setGraphic(pill);
                }
            }
        });
        text(kindColumn, MessageRow::kind);
        text(recipientColumn, MessageRow::recipient);
        text(dueColumn, r -> model.time(r.due()));
        text(sentColumn, r -> model.time(r.sent()));
        attemptsColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().attempts()));
        text(errorColumn, r -> r.lastError() == null ? "" : r.lastError());
        messageTable.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.rows().addListener((javafx.collections.ListChangeListener<MessageRow>) c -> reselect());
        pageLabel.textProperty().bind(model.pageLabelProperty());
        FieldErrors.show(loadError, model.errorProperty());

        detailPane.visibleProperty().bind(model.selectedProperty().isNotNull());
        model.selectedProperty().addListener((o, a, row) -> showDetail(row));
        resendButton.disableProperty().bind(model.canResendProperty().not());
        cancelButton.disableProperty().bind(model.canCancelProperty().not());
        actionMessage.textProperty().bind(model.messageProperty());
        actionMessage.visibleProperty().bind(model.messageProperty().isNotEmpty());
        attemptTable.setItems(model.attempts());
        attemptNoColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().number()));
        attemptAtColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model.time(c.getValue().at())));
        attemptOutcomeColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().outcome()));
        attemptErrorColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(
                c.getValue().error() == null ? "" : c.getValue().error()));

        // refresh on a timer only while the screen is in a window
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                model.refresh();
                timer.play();
            }
        });
        model.refresh();
    }

    private void showHealth(Health h) {
        if (h == null) {
            return;
        }
        tone(healthBot, h.bot(), h.botTone());
        tone(healthLease, h.lease(), "ok");
        tone(healthQueue, String.valueOf(h.queueDepth()), "neutral");
        tone(healthRate, i18n.tr("delivery.health.perMinute", h.sentLastMinute()), "neutral");
        tone(healthRetry, h.pausedUntil().isEmpty() ? String.valueOf(h.waitingRetry())
                : i18n.tr("delivery.health.pausedUntil", h.waitingRetry(), h.pausedUntil()), h.pausedUntil().isEmpty() ? "neutral" : "warn");
        tone(healthDuplicates, String.valueOf(h.duplicates24h()), h.duplicates24h() == 0 ? "ok" : "bad");
        tone(healthUnreachable, String.valueOf(h.unreachable()), h.unreachable() == 0 ? "neutral" : "warn");
        tone(healthAmbiguous, String.valueOf(h.ambiguous()), h.ambiguous() == 0 ? "neutral" : "warn");
    }

    private static void tone(Label label, String text, String tone) {
        label.setText(text);
        label.getStyleClass().removeAll("tone-ok", "tone-warn", "tone-bad", "tone-neutral");
        label.getStyleClass().add("tone-" + tone);
    }

    private void showDetail(MessageRow row) {
        if (row == null) {
            return;
        }
        detailTitle.setText(i18n.tr("delivery.detail.title", row.id(), model.statusText(row.status()), row.recipient()));
        detailKey.setText(row.dedupKey());
        detailText.setText(row.text());
        boolean ambiguous = row.status() == OutboxStatus.AMBIGUOUS;
        ambiguousWarning.setVisible(ambiguous);
        ambiguousWarning.setManaged(ambiguous);
    }

    private void reselect() {
        MessageRow row = model.selectedProperty().get();
        if (row == null) {
            return;
        }
        model.rows().stream().filter(r -> r.id() == row.id()).findFirst()
                .ifPresent(r -> messageTable.getSelectionModel().select(r));
    }

    private static <T> void text(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(c -> (ObservableValue<String>) new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private ListCell<OutboxStatus> statusCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(OutboxStatus s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s == null ? i18n.tr("delivery.filter.allStates") : model.statusText(s));
            }
        };
    }

    private ListCell<String> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty ? null : k == null ? i18n.tr("delivery.filter.allKinds") : k);
            }
        };
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void previousPage() {
        model.previousPage();
    }

    @FXML
    private void nextPage() {
        model.nextPage();
    }

    @FXML
    private void resend() {
        model.resend();
    }

    @FXML
    private void cancelMessage() {
        model.cancel();
    }
}
