package dev.recruitdesk.ui.candidates;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Candidates screen's controller. Ctrl+F (from the shell) focuses the search; Ctrl+Enter in the message sends it. */
public class CandidatesView {

    private final CandidatesViewModel model;
    private final I18n i18n;

    @FXML private BorderPane root;
    @FXML private Label countLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private TextField searchField;
    @FXML private Button newCandidateButton;
    @FXML private HBox banner;
    @FXML private Label bannerText;
    @FXML private Button bannerDismissButton;
    @FXML private ListView<CandidateItem> candidateList;
    @FXML private VBox emptyState;
    @FXML private VBox noSelection;
    @FXML private VBox detailPane;
    @FXML private Label detailName;
    @FXML private Label detailBlocked;
    @FXML private Label detailState;
    @FXML private Label detailText;
    @FXML private Button inviteButton;
    @FXML private Button openChatButton;
    @FXML private TextField inviteLinkField;
    @FXML private TextArea messageField;
    @FXML private Label messageError;
    @FXML private Button sendButton;
    @FXML private Button timelineRefreshButton;
    @FXML private ProgressIndicator timelineLoading;
    @FXML private ListView<TimelineLine> timelineList;
    @FXML private VBox createForm;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private TextField zoneField;
    @FXML private Label zoneError;
    @FXML private TextField usernameField;
    @FXML private Label usernameError;
    @FXML private TextField phoneField;
    @FXML private Label phoneError;
    @FXML private Button createButton;
    @FXML private Button cancelCreateButton;

    public CandidatesView(CandidatesViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        countLabel.textProperty().bind(model.countTextProperty());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        searchField.textProperty().bindBidirectional(model.searchProperty());

        banner.visibleProperty().bind(model.messageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        bannerText.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((obs, old, error) -> {
            banner.getStyleClass().remove("banner-error");
            if (error) {
                banner.getStyleClass().add("banner-error");
            }
        });

        candidateList.setItems(model.shown());
        candidateList.setCellFactory(list -> new CandidateCell(i18n));
        candidateList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                model.select(item);
            }
        });
        model.selectedProperty().addListener((obs, old, item) -> {
            if (item != null && !Objects.equals(candidateList.getSelectionModel().getSelectedItem(), item)) {
                candidateList.getSelectionModel().select(item);
                candidateList.scrollTo(item);
            }
        });
        candidateList.visibleProperty().bind(model.emptyProperty().not());
        emptyState.visibleProperty().bind(model.emptyProperty());

        var selected = model.selectedProperty();
        var showDetail = selected.isNotNull().and(model.formShownProperty().not());
        detailPane.visibleProperty().bind(showDetail);
        detailPane.managedProperty().bind(detailPane.visibleProperty());
        createForm.visibleProperty().bind(model.formShownProperty());
        createForm.managedProperty().bind(createForm.visibleProperty());
        noSelection.visibleProperty().bind(selected.isNull().and(model.formShownProperty().not()));
        noSelection.managedProperty().bind(noSelection.visibleProperty());
        detailName.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().row().name(), selected));
        detailText.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? "" : model.describe(selected.get()), selected));
        detailState.textProperty().bind(Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().state(), selected));
        detailBlocked.visibleProperty().bind(Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().blocked(), selected));
        detailBlocked.managedProperty().bind(detailBlocked.visibleProperty());
        selected.addListener((obs, old, now) -> {
            detailState.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
            if (now != null) {
                detailState.getStyleClass().add(now.stateStyle());
            }
        });

        inviteButton.disableProperty().bind(model.busyProperty());
        sendButton.disableProperty().bind(model.busyProperty());
        inviteLinkField.textProperty().bind(model.inviteLinkProperty());
        inviteLinkField.visibleProperty().bind(model.inviteLinkProperty().isNotEmpty());
        inviteLinkField.managedProperty().bind(inviteLinkField.visibleProperty());
        model.inviteLinkProperty().addListener((obs, old, link) -> {
            if (link != null && !link.isEmpty()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(link);
                Clipboard.getSystemClipboard().setContent(content);
            }
        });
        messageField.textProperty().bindBidirectional(model.messageTextProperty());
        FieldErrors.show(messageError, messageField, model.messageTextErrorProperty());
        messageField.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.sendMessage();
                e.consume();
            }
        });

        timelineList.setItems(model.timeline());
        timelineList.setCellFactory(list -> new TimelineCell());
        timelineLoading.visibleProperty().bind(model.timelineLoadingProperty());

        nameField.textProperty().bindBidirectional(model.newNameProperty());
        zoneField.textProperty().bindBidirectional(model.newZoneProperty());
        usernameField.textProperty().bindBidirectional(model.newUsernameProperty());
        phoneField.textProperty().bindBidirectional(model.newPhoneProperty());
        FieldErrors.show(nameError, nameField, model.nameErrorProperty());
        FieldErrors.show(zoneError, zoneField, model.zoneErrorProperty());
        FieldErrors.show(usernameError, usernameField, model.usernameErrorProperty());
        FieldErrors.show(phoneError, phoneField, model.phoneErrorProperty());
        createButton.disableProperty().bind(model.creatingProperty());
        model.formShownProperty().addListener((obs, old, shown) -> {
            if (shown) {
                nameField.requestFocus();
            }
        });
        model.refresh();
    }

    /** Ctrl+F: the shell asks the screen to focus its search. */
    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void newCandidate() {
        model.showForm();
    }

    @FXML
    private void create() {
        model.create();
    }

    @FXML
    private void cancelCreate() {
        model.hideForm();
    }

    @FXML
    private void invite() {
        model.invite();
    }

    @FXML
    private void openChat() {
        model.openChat();
    }

    @FXML
    private void sendMessage() {
        model.sendMessage();
    }

    @FXML
    private void refreshTimeline() {
        model.refreshTimeline();
    }

    @FXML
    private void dismissBanner() {
        model.dismissMessage();
    }
}
