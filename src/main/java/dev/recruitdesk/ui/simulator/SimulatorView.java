package dev.recruitdesk.ui.simulator;

import dev.recruitdesk.ui.I18n;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;

/** The candidate simulator window: thin controller binding {@link SimulatorViewModel}. */
public class SimulatorView {

    private final SimulatorViewModel model;
    private final I18n i18n;

    @FXML private ComboBox<SandboxChat.ChatUser> userBox;
    @FXML private TextField newCandidateName;
    @FXML private Button createCandidateButton;
    @FXML private ListView<ChatEntry> chatList;
    @FXML private TextField messageField;
    @FXML private Button sendButton;
    @FXML private Button forwardHourButton;
    @FXML private Button forwardReminderButton;
    @FXML private Label clockLabel;
    @FXML private Label statusLabel;
    @FXML private Label emptyHint;

    public SimulatorView(SimulatorViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        userBox.setItems(model.users());
        userBox.valueProperty().bindBidirectional(model.selectedUserProperty());
        newCandidateName.textProperty().bindBidirectional(model.newNameProperty());
        createCandidateButton.disableProperty().bind(model.canCreateProperty().not());
        chatList.setItems(model.entries());
        chatList.setCellFactory(list -> new ChatBubbleCell(model::press));
        chatList.getItems().addListener((ListChangeListener<ChatEntry>) c -> chatList.scrollTo(chatList.getItems().size() - 1));
        messageField.textProperty().bindBidirectional(model.draftProperty());
        messageField.disableProperty().bind(model.selectedUserProperty().isNull());
        sendButton.disableProperty().bind(model.canSendProperty().not());
        clockLabel.textProperty().bind(model.clockTextProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        emptyHint.visibleProperty().bind(model.selectedUserProperty().isNull());
        emptyHint.managedProperty().bind(emptyHint.visibleProperty());
    }

    @FXML
    private void createCandidate() {
        model.createCandidate();
    }

    @FXML
    private void send() {
        model.send();
    }

    @FXML
    private void forwardHour() {
        model.fastForwardHour();
    }

    @FXML
    private void forwardToReminder() {
        model.fastForwardToNextReminder();
    }

    /** The window title. */
    public String title() {
        return i18n.tr("simulator.title");
    }

    public SimulatorViewModel model() {
        return model;
    }
}
