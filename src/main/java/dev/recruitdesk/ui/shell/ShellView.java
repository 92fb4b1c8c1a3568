package dev.recruitdesk.ui.shell;

import dev.recruitdesk.ui.I18n;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window shell: sidebar navigation, the current screen, and a status bar with the data location and mode. */
public class ShellView {

    private final I18n i18n;

    @FXML private StackPane content;
    @FXML private VBox loadingPane;
    @FXML private ProgressIndicator loadingProgress;
    @FXML private Label loadingLabel;
    @FXML private Label loadingError;
    @FXML private Button quitButton;
    @FXML private ToggleButton navSchedule;
    @FXML private ToggleGroup navigation;
    @FXML private Label statusMode;
    @FXML private Label statusLocation;
    @FXML private Button simulatorButton;
    @FXML private Label statusSandbox;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("RecruitDesk");
    private Runnable onQuit = () -> { };
    /** The screen each navigation button opens, built on first use and kept (so it keeps its state). */
    private final Map<Toggle, Supplier<Node>> screens = new HashMap<>();
    private final Map<Toggle, Node> built = new HashMap<>();
    private Runnable onOpenSimulator = () -> { };

    public ShellView(I18n i18n) {
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        navigation.getToggles().forEach(t -> ((Node) t).setDisable(true));
        quitButton.setVisible(false);
        quitButton.setManaged(false);
        loadingError.setVisible(false);
        loadingError.setManaged(false);
        statusMode.setText(i18n.tr("status.starting"));
        show(simulatorButton, false);
        show(statusSandbox, false);
        // a pressed nav button stays selected: the group must never be empty while a screen shows
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                navigation.selectToggle(old);
            } else if (now != null && screens.containsKey(now)) {
                content.getChildren().setAll(built.computeIfAbsent(now, t -> screens.get(t).get()));
            }
        });
    }

    /** The window title: the product, and once started the database mode and location. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Shows the started database and the first screen. */
    public void showReady(String location, boolean teamMode, Node schedule) {
        String mode = i18n.tr(teamMode ? "status.mode.team" : "status.mode.embedded");
        title.set(i18n.tr("window.title", mode, location));
        statusMode.setText(mode);
        statusLocation.setText(location);
        screens.put(navSchedule, () -> schedule);
        navSchedule.setDisable(false);
        navSchedule.setSelected(true);
        content.getChildren().setAll(schedule);
    }

    /** Enables the navigation button with fx:id {@code navId}; it opens the screen {@code screen} builds. */
    public void addScreen(String navId, Supplier<Node> screen) {
        Toggle nav = navigation.getToggles().stream().filter(t -> navId.equals(((Node) t).getId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No navigation button " + navId));
        screens.put(nav, screen);
        ((Node) nav).setDisable(false);
    }

    /**
     * Sandbox mode (no bot token): says so in the status bar and the title, and offers the candidate simulator in
     * the sidebar.
     */
    public void showSandbox(Runnable openSimulator) {
        onOpenSimulator = openSimulator;
        show(simulatorButton, true);
        show(statusSandbox, true);
        statusSandbox.setTooltip(new javafx.scene.control.Tooltip(i18n.tr("status.sandbox.hint")));
        title.set(i18n.tr("status.sandbox") + " — " + title.get());
    }

    @FXML
    private void openSimulator() {
        onOpenSimulator.run();
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    /** Shows why the console cannot start, with a button to close it. */
    public void showFailure(String message, Runnable quit) {
        loadingProgress.setVisible(false);
        loadingProgress.setManaged(false);
        loadingLabel.setText(i18n.tr("startup.failed"));
        loadingError.setText(message);
        loadingError.setVisible(true);
        loadingError.setManaged(true);
        statusMode.setText(i18n.tr("status.failed"));
        onQuit = quit;
        quitButton.setVisible(true);
        quitButton.setManaged(true);
    }

    @FXML
    private void quit() {
        onQuit.run();
    }

    StackPane content() {
        return content;
    }
}
