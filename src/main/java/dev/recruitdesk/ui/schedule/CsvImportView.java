package dev.recruitdesk.ui.schedule;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The CSV import dialog's controller: binds {@link CsvImportViewModel} to {@code CsvImport.fxml}. */
public class CsvImportView {

    private final CsvImportViewModel model;
    private final I18n i18n;

    @FXML private VBox root;
    @FXML private Label importFile;
    @FXML private Label importSummary;
    @FXML private ListView<CsvImportViewModel.PreviewLine> importLines;
    @FXML private ProgressBar importProgress;
    @FXML private Label importProgressText;
    @FXML private Label importError;
    @FXML private Button importCreateButton;
    @FXML private Button importCancelButton;

    public CsvImportView(CsvImportViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    /** Opens the dialog over {@code owner}; it closes itself once the slots are imported. */
    static Stage open(Window owner, CsvImportViewModel model, I18n i18n) {
        ViewLoader.Loaded<CsvImportView> loaded = new ViewLoader(i18n, type -> new CsvImportView(model, i18n)).load(CsvImportView.class);
        return DialogWindow.open(owner, loaded.root(), i18n.tr("import.title"), 720, 560, model.doneProperty());
    }

    @FXML
    private void initialize() {
        importFile.textProperty().bind(model.fileNameProperty());
        importSummary.textProperty().bind(model.summaryProperty());
        importSummary.getStyleClass().add("import-summary");
        model.errorCountProperty().addListener((obs, old, n) -> {
            importSummary.getStyleClass().remove("has-errors");
            if (n.intValue() > 0) {
                importSummary.getStyleClass().add("has-errors");
            }
        });
        importLines.setItems(model.lines());
        importLines.setCellFactory(list -> new ListCell<>() {
            {
                setPrefWidth(0);
                setWrapText(true);
            }

            @Override
            protected void updateItem(CsvImportViewModel.PreviewLine line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().remove("line-error");
                setText(empty || line == null ? null : line.text());
                if (!empty && line != null && line.error()) {
                    getStyleClass().add("line-error");
                }
            }
        });
        importProgress.progressProperty().bind(model.progressProperty());
        importProgress.visibleProperty().bind(model.importingProperty().or(model.loadingProperty()));
        importProgressText.textProperty().bind(model.progressTextProperty());
        FieldErrors.show(importError, model.formErrorProperty());
        importCreateButton.disableProperty().bind(model.importingProperty().or(model.toImportProperty().isEqualTo(0)));
        importCreateButton.textProperty().bind(Bindings.createStringBinding(() -> i18n.tr("import.create", model.toImportProperty().get()),
                model.toImportProperty()));
        importCancelButton.disableProperty().bind(model.importingProperty());
    }

    @FXML
    private void importAll() {
        model.importAll();
    }

    @FXML
    private void cancel() {
        ((Stage) root.getScene().getWindow()).close();
    }
}
