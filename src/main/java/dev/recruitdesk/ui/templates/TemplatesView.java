package dev.recruitdesk.ui.templates;

import dev.recruitdesk.domain.Language;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.templates.TemplatesViewModel.VersionRow;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The Templates screen's controller: key list, editor with placeholder buttons, chat-bubble preview, history. */
public class TemplatesView {

    private final TemplatesViewModel model;
    private final I18n i18n;

    @FXML private BorderPane root;
    @FXML private ListView<String> keyList;
    @FXML private ToggleButton languageRu;
    @FXML private ToggleButton languageEn;
    @FXML private ToggleGroup languageGroup;
    @FXML private Label keyTitle;
    @FXML private Label kindLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private FlowPane placeholderPane;
    @FXML private Label noPlaceholders;
    @FXML private TextArea editor;
    @FXML private VBox problemList;
    @FXML private Button saveButton;
    @FXML private Button discardButton;
    @FXML private Label saveMessage;
    @FXML private VBox previewChat;
    @FXML private ListView<VersionRow> versionList;
    @FXML private Button revertButton;

    public TemplatesView(TemplatesViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        keyList.setItems(model.keys());
        keyList.getSelectionModel().selectedItemProperty().addListener((o, a, key) -> model.selectedKeyProperty().set(key));
        languageRu.setUserData(Language.RU);
        languageEn.setUserData(Language.EN);
        languageRu.setSelected(true);
        languageGroup.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                languageGroup.selectToggle(a);
            } else {
                model.languageProperty().set((Language) t.getUserData());
            }
        });
        keyTitle.textProperty().bind(model.selectedKeyProperty());
        kindLabel.textProperty().bind(model.kindLabelProperty());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        editor.textProperty().bindBidirectional(model.draftProperty());
        model.placeholders().addListener((ListChangeListener<String>) c -> showPlaceholders());
        model.problems().addListener((ListChangeListener<String>) c -> showProblems());
        model.previewProperty().addListener((o, a, p) -> showPreview(p));
        saveButton.disableProperty().bind(model.savingProperty().or(model.dirtyProperty().not()));
        saveButton.textProperty().bind(Bindings.when(model.savingProperty())
                .then(i18n.tr("templates.saving")).otherwise(i18n.tr("templates.save")));
        discardButton.disableProperty().bind(model.savingProperty().or(model.dirtyProperty().not()));
        saveMessage.textProperty().bind(model.messageProperty());
        saveMessage.visibleProperty().bind(model.messageProperty().isNotEmpty());
        saveMessage.managedProperty().bind(saveMessage.visibleProperty());
        versionList.setItems(model.versions());
        versionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(VersionRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.label());
                getStyleClass().remove("version-active");
                if (!empty && row != null && row.version().active()) {
                    getStyleClass().add("version-active");
                }
            }
        });
        revertButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            VersionRow row = versionList.getSelectionModel().getSelectedItem();
            return model.savingProperty().get() || row == null || row.version().active();
        }, versionList.getSelectionModel().selectedItemProperty(), model.savingProperty()));
        model.start();
        keyList.getSelectionModel().select(model.selectedKeyProperty().get());
    }

    private void showPlaceholders() {
        placeholderPane.getChildren().clear();
        for (String p : model.placeholders()) {
            Button b = new Button(TemplatesViewModel.token(p));
            b.setId("placeholder-" + p);
            b.getStyleClass().addAll("placeholder-chip", "small");
            b.setMnemonicParsing(false);
            b.setOnAction(e -> insert(TemplatesViewModel.token(p)));
            placeholderPane.getChildren().add(b);
        }
        noPlaceholders.setVisible(model.placeholders().isEmpty());
        noPlaceholders.setManaged(model.placeholders().isEmpty());
    }

    private void insert(String token) {
        editor.replaceSelection(token);
        editor.requestFocus();
    }

    private void showProblems() {
        problemList.getChildren().clear();
        for (String p : model.problems()) {
            Label l = new Label("• " + p);
            l.getStyleClass().add("field-error");
            l.setWrapText(true);
            problemList.getChildren().add(l);
        }
        editor.getStyleClass().remove("invalid");
        if (!model.problems().isEmpty()) {
            editor.getStyleClass().add("invalid");
        }
    }

    private void showPreview(TemplatePreviewer.Preview p) {
        previewChat.getChildren().clear();
        if (p != null) {
            previewChat.getChildren().add(ChatBubble.of(p.text(), p.html(), p.buttons(), "15:00"));
        }
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void discard() {
        model.discard();
    }

    @FXML
    private void revert() {
        VersionRow row = versionList.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.revert(row.version());
        }
    }

    List<String> shownProblems() {
        return problemList.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
