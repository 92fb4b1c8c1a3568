package dev.recruitdesk.ui.bookings;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.SlotChoice;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;

/** The Bookings screen's controller: filters, the list, and the selected booking's actions. */
public class BookingsView {

    private final BookingsViewModel model;
    private final I18n i18n;

    @FXML private BorderPane root;
    @FXML private Label summary;
    @FXML private Label zoneNote;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private ComboBox<BookingsViewModel.Period> periodChoice;
    @FXML private HBox rangeBox;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker toDate;
    @FXML private ComboBox<BookingsViewModel.StateFilter> stateChoice;
    @FXML private ComboBox<BookingsViewModel.Confirmation> confirmationChoice;
    @FXML private Label rangeError;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerDismissButton;
    @FXML private ListView<BookingItem> bookingList;
    @FXML private VBox emptyState;
    @FXML private VBox detailPane;
    @FXML private Label detailStatus;
    @FXML private Label detailText;
    @FXML private ComboBox<SlotChoice> slotChoice;
    @FXML private Button rescheduleButton;
    @FXML private TextArea cancelNote;
    @FXML private Label noteError;
    @FXML private Button cancelButton;
    @FXML private Button attendedButton;
    @FXML private Button noShowButton;
    @FXML private Button passedButton;
    @FXML private Button failedButton;
    @FXML private VBox noSelection;

    public BookingsView(BookingsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        summary.textProperty().bind(model.summaryProperty());
        zoneNote.setText(model.zoneNote());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());

        choice(periodChoice, BookingsViewModel.Period.values(), model.periodProperty().get());
        periodChoice.valueProperty().bindBidirectional(model.periodProperty());
        choice(stateChoice, BookingsViewModel.StateFilter.values(), model.stateProperty().get());
        stateChoice.valueProperty().bindBidirectional(model.stateProperty());
        choice(confirmationChoice, BookingsViewModel.Confirmation.values(), model.confirmationProperty().get());
        confirmationChoice.valueProperty().bindBidirectional(model.confirmationProperty());
        rangeBox.visibleProperty().bind(model.periodProperty().isEqualTo(BookingsViewModel.Period.RANGE));
        rangeBox.managedProperty().bind(rangeBox.visibleProperty());
        var dates = new LocalDateStringConverter(DateTimeFormatter.ofPattern("d MMM yyyy", i18n.locale()), null);
        fromDate.setConverter(dates);
        toDate.setConverter(dates);
        fromDate.valueProperty().bindBidirectional(model.fromDateProperty());
        toDate.valueProperty().bindBidirectional(model.toDateProperty());
        FieldErrors.show(rangeError, model.rangeErrorProperty());

        banner.visibleProperty().bind(model.messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((obs, old, error) -> {
            banner.getStyleClass().remove("banner-error");
            if (error) {
                banner.getStyleClass().add("banner-error");
            }
        });

        bookingList.setItems(model.items());
        bookingList.setCellFactory(list -> new BookingCell(i18n));
        bookingList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null || !model.items().contains(model.selectedProperty().get())) {
                model.select(item);
            }
        });
        model.selectedProperty().addListener((obs, old, item) -> {
            if (!Objects.equals(bookingList.getSelectionModel().getSelectedItem(), item)) {
                bookingList.getSelectionModel().select(item);
            }
        });
        bookingList.visibleProperty().bind(model.emptyProperty().not());
        emptyState.visibleProperty().bind(model.emptyProperty());

        var selected = model.selectedProperty();
        detailPane.visibleProperty().bind(selected.isNotNull());
        detailPane.managedProperty().bind(detailPane.visibleProperty());
        noSelection.visibleProperty().bind(selected.isNull());
        noSelection.managedProperty().bind(noSelection.visibleProperty());
        detailText.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? "" : model.describe(selected.get()), selected));
        detailStatus.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().status(), selected));
        selected.addListener((obs, old, now) -> {
            detailStatus.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
            if (now != null) {
                detailStatus.getStyleClass().add(now.statusStyle());
            }
        });
        slotChoice.setItems(model.slotChoices());
        slotChoice.valueProperty().bindBidirectional(model.newSlotProperty());
        slotChoice.disableProperty().bind(model.canChangeProperty().not());
        rescheduleButton.disableProperty().bind(model.canRescheduleProperty().not());
        cancelNote.textProperty().bindBidirectional(model.cancelNoteProperty());
        cancelNote.disableProperty().bind(model.canChangeProperty().not());
        cancelButton.disableProperty().bind(model.canChangeProperty().not());
        FieldErrors.show(noteError, model.noteErrorProperty());
        attendedButton.disableProperty().bind(model.canMarkOutcomeProperty().not());
        noShowButton.disableProperty().bind(model.canMarkOutcomeProperty().not());
        passedButton.disableProperty().bind(model.canMarkOutcomeProperty().not());
        failedButton.disableProperty().bind(model.canMarkOutcomeProperty().not());

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        model.refresh();
    }

    private <E extends Enum<E>> void choice(ComboBox<E> box, E[] values, E initial) {
        box.setItems(FXCollections.observableArrayList(values));
        Function<E, String> label = model::label;
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public E fromString(String text) {
                return null;
            }
        });
        box.setValue(initial);
    }

    @FXML
    private void reschedule() {
        model.reschedule();
    }

    @FXML
    private void cancelBooking() {
        model.cancel();
    }

    @FXML
    private void markPassed() {
        model.markPassed();
    }

    @FXML
    private void markFailed() {
        model.markFailed();
    }

    @FXML
    private void markAttended() {
        model.markAttended();
    }

    @FXML
    private void markNoShow() {
        model.markNoShow();
    }

    @FXML
    private void dismissBanner() {
        model.dismissMessage();
    }
}
