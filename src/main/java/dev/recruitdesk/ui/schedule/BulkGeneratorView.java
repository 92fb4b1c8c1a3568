package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The bulk generator dialog's controller: binds {@link BulkGeneratorViewModel} to {@code BulkGenerator.fxml}. */
public class BulkGeneratorView {

    private final BulkGeneratorViewModel model;
    private final I18n i18n;

    @FXML private VBox root;
    @FXML private Label bulkSubtitle;
    @FXML private DatePicker bulkFrom;
    @FXML private DatePicker bulkTo;
    @FXML private Label bulkRangeError;
    @FXML private HBox bulkWeekdays;
    @FXML private Label bulkWeekdaysError;
    @FXML private TextField bulkDayStart;
    @FXML private TextField bulkDayEnd;
    @FXML private Label bulkHoursError;
    @FXML private TextField bulkBreakStart;
    @FXML private TextField bulkBreakEnd;
    @FXML private Label bulkBreakError;
    @FXML private TextField bulkLength;
    @FXML private TextField bulkStep;
    @FXML private Label bulkLengthError;
    @FXML private TextField bulkPlace;
    @FXML private Label bulkCounts;
    @FXML private ListView<BulkGeneratorViewModel.PreviewLine> bulkPreview;
    @FXML private ProgressBar bulkProgress;
    @FXML private Label bulkProgressText;
    @FXML private Label bulkError;
    @FXML private Button bulkCreateButton;
    @FXML private Button bulkCancelButton;

    public BulkGeneratorView(BulkGeneratorViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    /** Opens the dialog over {@code owner}; it closes itself once the slots are created. */
    static Stage open(Window owner, BulkGeneratorViewModel model, I18n i18n) {
        ViewLoader.Loaded<BulkGeneratorView> loaded = new ViewLoader(i18n, type -> new BulkGeneratorView(model, i18n)).load(BulkGeneratorView.class);
        return DialogWindow.open(owner, loaded.root(), i18n.tr("bulk.title"), 860, 640, model.doneProperty());
    }

    @FXML
    private void initialize() {
        bulkSubtitle.setText(i18n.tr("bulk.subtitle", model.zoneName()));
        var dates = new javafx.util.converter.LocalDateStringConverter(
                java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", i18n.locale()), null);
        bulkFrom.setConverter(dates);
        bulkTo.setConverter(dates);
        bulkFrom.valueProperty().bindBidirectional(model.fromProperty());
        bulkTo.valueProperty().bindBidirectional(model.toProperty());
        for (DayOfWeek d : DayOfWeek.values()) {
            ToggleButton b = new ToggleButton(d.getDisplayName(TextStyle.SHORT_STANDALONE, i18n.locale()));
            b.setId("bulkDay-" + d.getValue());
            b.getStyleClass().add("weekday-toggle");
            b.selectedProperty().bindBidirectional(model.weekdayProperty(d.getValue() - 1));
            bulkWeekdays.getChildren().add(b);
        }
        bulkDayStart.textProperty().bindBidirectional(model.dayStartProperty());
        bulkDayEnd.textProperty().bindBidirectional(model.dayEndProperty());
        bulkBreakStart.textProperty().bindBidirectional(model.breakStartProperty());
        bulkBreakEnd.textProperty().bindBidirectional(model.breakEndProperty());
        bulkLength.textProperty().bindBidirectional(model.lengthProperty());
        bulkStep.textProperty().bindBidirectional(model.stepProperty());
        bulkPlace.textProperty().bindBidirectional(model.placeProperty());
        FieldErrors.show(bulkRangeError, model.rangeErrorProperty());
        FieldErrors.show(bulkWeekdaysError, model.weekdaysErrorProperty());
        FieldErrors.show(bulkHoursError, model.hoursErrorProperty());
        FieldErrors.show(bulkBreakError, model.breakErrorProperty());
        FieldErrors.show(bulkLengthError, model.lengthErrorProperty());
        FieldErrors.show(bulkError, model.formErrorProperty());
        bulkCounts.textProperty().bind(model.countsProperty());
        bulkPreview.setItems(model.preview());
        bulkPreview.setCellFactory(list -> new ListCell<>() {
            {
                // as wide as the list: long lines end in an ellipsis instead of a horizontal scroll bar
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(BulkGeneratorViewModel.PreviewLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("skipped");
                setText(empty || line == null ? null : line.text());
                if (!empty && line != null && !line.created()) {
                    getStyleClass().add("skipped");
                }
            }
        });
        bulkProgress.progressProperty().bind(model.progressProperty());
        bulkProgress.visibleProperty().bind(model.creatingProperty());
        bulkProgressText.textProperty().bind(model.progressTextProperty());
        bulkProgressText.visibleProperty().bind(model.creatingProperty());
        bulkCreateButton.disableProperty().bind(model.creatingProperty().or(model.toCreateProperty().isEqualTo(0)).or(model.checkingProperty()));
        bulkCreateButton.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("bulk.create", model.toCreateProperty().get()),
                model.toCreateProperty()));
        bulkCancelButton.disableProperty().bind(model.creatingProperty());
    }

    @FXML
    private void create() {
        model.create();
    }

    @FXML
    private void cancel() {
        ((Stage) root.getScene().getWindow()).close();
    }
}
