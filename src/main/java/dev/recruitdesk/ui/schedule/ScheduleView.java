package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.Frames;
import dev.recruitdesk.ui.I18n;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.LocalDateStringConverter;

/**
 * The Schedule screen's controller: binds the view model to the nodes and forwards user actions. Shortcuts:
 * Ctrl+Left / Ctrl+Right weeks, Ctrl+T this week, Ctrl+N the new-slot form, Delete the selected slot, Escape
 * closes the details or forgets a drawn slot.
 */
public class ScheduleView {

    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination THIS_WEEK = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW_SLOT = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);

    private final ScheduleViewModel model;
    private final I18n i18n;
    private CalendarPresenter calendar;

    @FXML private BorderPane root;
    @FXML private ToggleGroup viewMode;
    @FXML private ToggleButton calendarModeButton;
    @FXML private ToggleButton listModeButton;
    @FXML private Button bulkButton;
    @FXML private Button importButton;
    @FXML private VBox calendarPane;
    @FXML private HBox dayHeader;
    @FXML private ScrollPane calendarScroll;
    @FXML private VBox slotDetails;
    @FXML private Label detailsState;
    @FXML private Label detailsWhen;
    @FXML private Label detailsDuration;
    @FXML private Label detailsPlace;
    @FXML private VBox detailsCandidateBox;
    @FXML private Label detailsCandidate;
    @FXML private Label detailsHint;
    @FXML private Button detailsDeleteButton;
    @FXML private Button detailsCloseButton;
    @FXML private Label weekSummary;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button previousWeekButton;
    @FXML private Label weekLabel;
    @FXML private Button nextWeekButton;
    @FXML private Button thisWeekButton;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerConfirmButton;
    @FXML private Button bannerDismissButton;
    @FXML private ListView<ScheduleEntry> agendaList;
    @FXML private VBox emptyState;
    @FXML private Label loadError;
    @FXML private VBox formColumn;
    @FXML private VBox slotForm;
    @FXML private Label zoneLabel;
    @FXML private DatePicker dateField;
    @FXML private Label dateError;
    @FXML private TextField timeField;
    @FXML private Label timeError;
    @FXML private TextField durationField;
    @FXML private Label durationError;
    @FXML private TextField placeField;
    @FXML private Label placeError;
    @FXML private Button createButton;
    @FXML private Label formError;
    @FXML private Label formMessage;

    public ScheduleView(ScheduleViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        weekLabel.textProperty().bind(model.weekLabelProperty());
        weekSummary.textProperty().bind(model.weekSummaryProperty());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());

        agendaList.setItems(model.entries());
        agendaList.setCellFactory(list -> new AgendaCell(i18n, model::requestDelete));
        agendaList.visibleProperty().bind(model.emptyProperty().not().and(model.loadErrorProperty().isEmpty())
                .and(model.calendarModeProperty().not()));
        emptyState.visibleProperty().bind(model.emptyProperty().and(model.calendarModeProperty().not()));
        calendar = new CalendarPresenter(model, i18n, calendarPane, dayHeader, calendarScroll);
        calendarPane.visibleProperty().bind(model.calendarModeProperty().and(model.loadErrorProperty().isEmpty()));
        bindModeSwitch();
        bindDetails();
        showFormColumnAfterFirstFrame();
        loadError.textProperty().bind(model.loadErrorProperty());
        loadError.visibleProperty().bind(model.loadErrorProperty().isNotEmpty());
        model.lastCreatedIdProperty().addListener((obs, old, id) -> select(id));
        model.entries().addListener((ListChangeListener<ScheduleEntry>) change -> select(model.lastCreatedIdProperty().get()));

        banner.visibleProperty().bind(model.bannerProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(Bindings.createStringBinding(
                () -> model.bannerProperty().get() == null ? "" : model.bannerProperty().get().text(), model.bannerProperty()));
        model.bannerProperty().addListener((obs, old, now) -> styleBanner(now));
        bannerConfirmButton.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.bannerProperty().get() != null && model.bannerProperty().get().kind() == ScheduleViewModel.Banner.Kind.CONFIRM,
                model.bannerProperty()));
        bannerConfirmButton.managedProperty().bind(bannerConfirmButton.visibleProperty());
        bannerConfirmButton.textProperty().bind(Bindings.createStringBinding(() -> {
            ScheduleViewModel.Banner b = model.bannerProperty().get();
            return b != null && b.confirmText() != null ? b.confirmText() : i18n.tr("schedule.delete.confirmButton");
        }, model.bannerProperty()));
        bannerDismissButton.textProperty().bind(Bindings.createStringBinding(() -> {
            ScheduleViewModel.Banner b = model.bannerProperty().get();
            if (b == null || b.kind() != ScheduleViewModel.Banner.Kind.CONFIRM) {
                return i18n.tr("schedule.banner.dismiss");
            }
            return b.keepText() != null ? b.keepText() : i18n.tr("schedule.delete.keep");
        }, model.bannerProperty()));

        zoneLabel.setText(i18n.tr("schedule.form.zone", model.zoneName()));
        dateField.setConverter(new LocalDateStringConverter(DateTimeFormatter.ofPattern("EEE, d MMM yyyy", i18n.locale()), null));
        dateField.valueProperty().bindBidirectional(model.dateProperty());
        timeField.textProperty().bindBidirectional(model.timeProperty());
        durationField.textProperty().bindBidirectional(model.durationProperty());
        placeField.textProperty().bindBidirectional(model.placeProperty());
        FieldErrors.show(dateError, dateField, model.dateErrorProperty());
        FieldErrors.show(timeError, timeField, model.timeErrorProperty());
        FieldErrors.show(durationError, durationField, model.durationErrorProperty());
        FieldErrors.show(placeError, placeField, model.placeErrorProperty());
        FieldErrors.show(formError, model.formErrorProperty());
        formMessage.textProperty().bind(model.formMessageProperty());
        formMessage.visibleProperty().bind(model.formMessageProperty().isNotEmpty());
        formMessage.managedProperty().bind(formMessage.visibleProperty());
        createButton.disableProperty().bind(model.creatingProperty());
        createButton.textProperty().bind(Bindings.when(model.creatingProperty())
                .then(i18n.tr("schedule.form.creating")).otherwise(i18n.tr("schedule.form.create")));

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::weekShortcut);
        model.refresh();
    }

    /**
     * The form column's cards (new slot, slot details) join the screen in the frame after the one that first shows it
     * with its week: the week is what the screen is opened for, and styling the form in the same pass made the first
     * week appear ~0.1 s later on a 2-core machine (installer/bench-startup.sh). An empty card holds their place, so
     * nothing moves when they arrive.
     */
    private void showFormColumnAfterFirstFrame() {
        List<Node> cards = List.copyOf(formColumn.getChildren());
        Region placeholder = new Region();
        placeholder.getStyleClass().add("slot-form");
        VBox.setVgrow(placeholder, Priority.ALWAYS);
        formColumn.getChildren().setAll(placeholder);
        root.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> obs, Scene old, Scene now) {
                if (now != null) {
                    root.sceneProperty().removeListener(this);
                    Frames.afterNextFrame(() -> formColumn.getChildren().setAll(cards));
                }
            }
        });
    }

    private void bindModeSwitch() {
        calendarModeButton.setSelected(model.calendarModeProperty().get());
        listModeButton.setSelected(!model.calendarModeProperty().get());
        viewMode.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                // a pressed mode button stays selected
                viewMode.selectToggle(old);
            } else if (now == calendarModeButton) {
                model.showCalendar();
            } else {
                model.showList();
            }
        });
        model.calendarModeProperty().addListener((obs, old, now) -> viewMode.selectToggle(now ? calendarModeButton : listModeButton));
    }

    private void bindDetails() {
        slotDetails.visibleProperty().bind(model.selectedProperty().isNotNull().and(model.calendarModeProperty()));
        slotDetails.managedProperty().bind(slotDetails.visibleProperty());
        slotForm.visibleProperty().bind(slotDetails.visibleProperty().not());
        slotForm.managedProperty().bind(slotForm.visibleProperty());
        model.selectedProperty().addListener((obs, old, block) -> showDetails(block));
    }

    private void showDetails(CalendarBlock block) {
        if (block == null) {
            return;
        }
        ScheduleViewModel.Details d = model.details(block);
        detailsWhen.setText(d.when());
        detailsDuration.setText(d.duration());
        detailsPlace.setText(d.place());
        detailsState.setText(d.state());
        detailsState.getStyleClass().setAll("state-badge", d.stateStyle());
        detailsCandidateBox.setVisible(d.candidate() != null);
        detailsCandidateBox.setManaged(d.candidate() != null);
        detailsCandidate.setText(d.candidate() == null ? "" : d.candidate());
        detailsHint.setText(d.hint());
        detailsDeleteButton.setDisable(!d.deletable());
    }

    private void styleBanner(ScheduleViewModel.Banner now) {
        banner.getStyleClass().removeAll("banner-confirm", "banner-info", "banner-error");
        if (now != null) {
            banner.getStyleClass().add("banner-" + now.kind().name().toLowerCase());
        }
    }

    private void select(Long slotId) {
        model.entries().stream()
                .filter(e -> e instanceof ScheduleEntry.SlotItem s && Objects.equals(s.id(), slotId))
                .findFirst().ifPresent(e -> {
                    agendaList.getSelectionModel().select(e);
                    agendaList.scrollTo(e);
                });
    }

    /** Form and delete keys work everywhere on the screen; they win over the focused control. */
    private void shortcut(KeyEvent e) {
        if (NEW_SLOT.match(e)) {
            model.select(null);
            timeField.requestFocus();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && (model.selectedProperty().get() != null || model.drawnProperty().get() != null)) {
            model.select(null);
            model.clearDrawn();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && model.calendarModeProperty().get() && model.selectedProperty().get() != null
                && !(e.getTarget() instanceof TextInputControl)) {
            model.requestDelete(model.selectedProperty().get());
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE && e.getTarget() == agendaList
                && agendaList.getSelectionModel().getSelectedItem() instanceof ScheduleEntry.SlotItem item) {
            model.requestDelete(item);
            e.consume();
        } else if (!(e.getTarget() instanceof TextInputControl)) {
            weekShortcut(e);
        }
    }

    /** Week keys; inside a text field Ctrl+Left/Right first move the caret by words, as everywhere else. */
    private void weekShortcut(KeyEvent e) {
        if (PREVIOUS.match(e)) {
            model.previousWeek();
        } else if (NEXT.match(e)) {
            model.nextWeek();
        } else if (THIS_WEEK.match(e)) {
            model.thisWeek();
        } else {
            return;
        }
        e.consume();
    }

    @FXML
    private void previousWeek() {
        model.previousWeek();
    }

    @FXML
    private void nextWeek() {
        model.nextWeek();
    }

    @FXML
    private void thisWeek() {
        model.thisWeek();
    }

    @FXML
    private void createSlot() {
        model.createSlot();
    }

    @FXML
    private void confirmBanner() {
        model.confirmBanner();
    }

    @FXML
    private void deleteSelected() {
        CalendarBlock block = model.selectedProperty().get();
        if (block != null) {
            model.requestDelete(block);
        }
    }

    @FXML
    private void closeDetails() {
        model.select(null);
    }

    @FXML
    private void openBulk() {
        BulkGeneratorView.open(root.getScene().getWindow(), new BulkGeneratorViewModel(model), i18n);
    }

    @FXML
    private void openImport() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(i18n.tr("import.title"));
        chooser.getExtensionFilters().addAll(new javafx.stage.FileChooser.ExtensionFilter(i18n.tr("import.chooser"), "*.csv", "*.txt"),
                new javafx.stage.FileChooser.ExtensionFilter("*", "*"));
        java.io.File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            CsvImportViewModel importModel = new CsvImportViewModel(model);
            CsvImportView.open(root.getScene().getWindow(), importModel, i18n);
            importModel.load(file.toPath());
        }
    }

    @FXML
    private void dismissBanner() {
        model.dismissBanner();
    }
}
