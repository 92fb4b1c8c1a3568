package dev.recruitdesk.ui.shell;

import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.delivery.ServiceStatus;
import dev.recruitdesk.ui.Screens;
import dev.recruitdesk.ui.ViewLoader;
import dev.recruitdesk.ui.candidates.CandidatesView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Toggle;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The window shell: sidebar navigation, the current screen, and a status bar with the data location and mode. */
public class ShellView {

    private static final List<KeyCode> NAV_KEYS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
            KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9);

    /**
     * How long opening may take before the spinner joins "Opening the database…". A usual start is quicker and shows
     * the words alone: the spinner's animation redrew the window 60 times a second while the database opened, which
     * on a 2-core machine made the first week appear ~50 ms later (installer/bench-startup.sh).
     */
    static final Duration SPINNER_DELAY = Duration.seconds(1);

    private final I18n i18n;

    @FXML private BorderPane shell;
    @FXML private StackPane content;
    @FXML private VBox loadingPane;
    @FXML private ProgressIndicator loadingProgress;
    @FXML private Label loadingLabel;
    @FXML private Label loadingError;
    @FXML private Button quitButton;
    @FXML private ToggleButton navSchedule;
    @FXML private ToggleGroup navigation;
    @FXML private ToggleButton navRequests;
    @FXML private ToggleButton navBookings;
    @FXML private ToggleButton navCandidates;
    @FXML private Label requestsBadge;
    @FXML private VBox toastHost;
    @FXML private StackPane helpOverlay;
    @FXML private VBox helpRows;
    @FXML private Button helpCloseButton;
    @FXML private Label statusMode;
    @FXML private Label statusLocation;
    @FXML private Button simulatorButton;
    @FXML private Label statusSandbox;
    @FXML private Label statusBot;
    @FXML private VBox signedInBox;
    @FXML private Label signedInName;
    @FXML private Label signedInRole;
    @FXML private Button signOutButton;
    @FXML private Button changePasswordButton;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("RecruitDesk");
    private final ReadOnlyLongWrapper needingAction = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper shownTitle = new ReadOnlyStringWrapper();
    private final Map<Toggle, Supplier<Node>> screenFactories = new HashMap<>();
    private final Map<Toggle, Node> screens = new HashMap<>();
    private Runnable focusSearch = () -> { };
    private Runnable onQuit = () -> { };
    private Runnable onOpenSimulator = () -> { };
    private Runnable onSignOut = () -> { };
    private Runnable onChangePassword = () -> { };
    private final List<Timeline> timers = new ArrayList<>();
    private final PauseTransition spinnerDelay = new PauseTransition(SPINNER_DELAY);
    private boolean adminSectionsHidden;

    public ShellView(I18n i18n) {
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        navigation.getToggles().forEach(t -> ((Node) t).setDisable(true));
        requestsBadge.setVisible(false);
        shownTitle.bind(Bindings.createStringBinding(() -> needingAction.get() > 0 ? "(" + needingAction.get() + ") " + title.get() : title.get(),
                title, needingAction));
        navigation.selectedToggleProperty().addListener((obs, old, now) -> show(now));
        helpOverlay.setOnMouseClicked(e -> {
            if (e.getTarget() == helpOverlay) {
                closeHelp();
            }
        });
        quitButton.setVisible(false);
        quitButton.setManaged(false);
        // hidden, its place kept: the words do not move when it shows
        loadingProgress.setVisible(false);
        spinnerDelay.setOnFinished(e -> loadingProgress.setVisible(true));
        spinnerDelay.play();
        loadingError.setVisible(false);
        loadingError.setManaged(false);
        statusMode.setText(i18n.tr("status.starting"));
        show(simulatorButton, false);
        show(statusSandbox, false);
        show(statusBot, false);
        // a pressed nav button stays selected: the group must never be empty while a screen shows
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                navigation.selectToggle(old);
            }
        });
    }

    /**
     * The window title: the product, and once started the database mode and location; prefixed with the number of
     * items needing action, e.g. "(3) RecruitDesk — …".
     */
    public ReadOnlyStringProperty titleProperty() {
        return shownTitle.getReadOnlyProperty();
    }

    /** Shows the started database and the first screen. */
    public void showReady(String location, boolean teamMode, Node schedule) {
        spinnerDelay.stop();
        String mode = i18n.tr(teamMode ? "status.mode.team" : "status.mode.embedded");
        title.set(i18n.tr("window.title", mode, location));
        statusMode.setText(mode);
        statusLocation.setText(location);
        navSchedule.setDisable(false);
        navSchedule.setSelected(true);
        content.getChildren().setAll(schedule);
        screens.put(navSchedule, schedule);
    }

    /**
     * Adds the Requests, Bookings and Candidates screens (built on first visit), the requests badge, the count in
     * the title, toasts, and the keyboard: Ctrl+1..n screens, Ctrl+F search, F1 or ? this help.
     */
    public void showPeopleScreens(Screens built) {
        screenFactories.put(navRequests, built::requests);
        screenFactories.put(navBookings, built::bookings);
        screenFactories.put(navCandidates, () -> {
            ViewLoader.Loaded<CandidatesView> loaded = built.candidates();
            focusSearch = loaded.controller()::focusSearch;
            return loaded.root();
        });
        for (ToggleButton nav : List.of(navRequests, navBookings, navCandidates)) {
            nav.setDisable(false);
        }
        AttentionModel attention = built.attention();
        requestsBadge.textProperty().bind(attention.requestsProperty().asString());
        requestsBadge.visibleProperty().bind(attention.requestsProperty().greaterThan(0));
        needingAction.bind(attention.needingActionProperty());
        attention.toastProperty().addListener((obs, old, toast) -> {
            if (toast != null) {
                showToast(toast);
            }
        });
        attention.refresh();
        Timeline recount = new Timeline(new KeyFrame(Duration.minutes(1), e -> attention.refresh()));
        recount.setCycleCount(Animation.INDEFINITE);
        recount.play();
        timers.add(recount);
        fillHelp();
        shell.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        shell.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !(e.getTarget() instanceof TextInputControl)) {
                toggleHelp();
                e.consume();
            }
        });
    }

    /** Enables the navigation button with fx:id {@code navId}; it opens the screen {@code screen} builds. */
    public void addScreen(String navId, Supplier<Node> screen) {
        Toggle nav = navigation.getToggles().stream().filter(t -> navId.equals(((Node) t).getId())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No navigation button " + navId));
        screenFactories.put(nav, screen);
        show((Node) nav, true);
        ((Node) nav).setDisable(false);
    }

    /** Hides the navigation button with fx:id {@code navId}: a screen this user may not open. */
    public void hideScreen(String navId) {
        navigation.getToggles().stream().filter(t -> navId.equals(((Node) t).getId())).findFirst()
                .ifPresent(nav -> show((Node) nav, false));
    }

    /**
     * Team mode, before the screens: shows the login (or first-admin) form where the screens will be. The
     * navigation stays disabled until {@link #showReady}.
     */
    public void showLogin(Node login) {
        spinnerDelay.stop();
        statusMode.setText(i18n.tr("status.mode.team"));
        content.getChildren().setAll(login);
    }

    /**
     * Team mode: shows who is signed in and their role in the sidebar, with Change password and Sign out. For a recruiter,
     * parts of screens marked with the style class {@code admin-only} are hidden (the use cases refuse them anyway).
     */
    public void showSignedIn(String name, String role, boolean admin, Runnable changePassword, Runnable signOut) {
        signedInName.setText(name);
        signedInRole.setText(role);
        onChangePassword = changePassword;
        onSignOut = signOut;
        show(signedInBox, true);
        adminSectionsHidden = !admin;
    }

    @FXML
    private void changePassword() {
        onChangePassword.run();
    }

    @FXML
    private void signOut() {
        onSignOut.run();
    }

    /** Stops the shell's timers (counts, bot state): the window is about to show another shell or close. */
    public void close() {
        timers.forEach(Timeline::stop);
        timers.clear();
    }

    private void show(Toggle nav) {
        if (nav == null) {
            return;
        }
        Node screen = screens.get(nav);
        boolean built = false;
        if (screen == null && screenFactories.containsKey(nav)) {
            screen = screenFactories.get(nav).get();
            screens.put(nav, screen);
            built = true;
        }
        if (screen != null) {
            content.getChildren().setAll(screen);
            if (built && adminSectionsHidden) {
                hideAdminSections(screen);
            }
        }
    }

    /** Hides a new screen's {@code admin-only} parts; CSS first, so controls such as scroll panes show their content. */
    private static void hideAdminSections(Node screen) {
        screen.applyCss();
        screen.lookupAll(".admin-only").forEach(n -> show(n, false));
    }

    private void shortcut(KeyEvent e) {
        // Ctrl+1..n follow the sidebar's order
        List<ToggleButton> navs = navigation.getToggles().stream().map(ToggleButton.class::cast).toList();
        if (e.getCode() == KeyCode.F1) {
            toggleHelp();
        } else if (e.getCode() == KeyCode.ESCAPE && helpOverlay.isVisible()) {
            closeHelp();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
            navCandidates.setSelected(true);
            focusSearch.run();
        } else if (e.isShortcutDown() && NAV_KEYS.indexOf(e.getCode()) >= 0 && NAV_KEYS.indexOf(e.getCode()) < navs.size()
                && !navs.get(NAV_KEYS.indexOf(e.getCode())).isDisable()) {
            navs.get(NAV_KEYS.indexOf(e.getCode())).setSelected(true);
        } else {
            return;
        }
        e.consume();
    }

    private void fillHelp() {
        String[][] rows = {
            {"Ctrl+1 … Ctrl+4", i18n.tr("help.navigate")},
            {"Ctrl+Enter", i18n.tr("help.approve")},
            {"Ctrl+F", i18n.tr("help.search")},
            {"Ctrl+N", i18n.tr("help.newSlot")},
            {"Ctrl+← / Ctrl+→", i18n.tr("help.weeks")},
            {"F1, ?", i18n.tr("help.help")},
            {"Esc", i18n.tr("help.closeKey")},
        };
        for (String[] row : rows) {
            Label keys = new Label(row[0]);
            keys.getStyleClass().add("help-keys");
            Label what = new Label(row[1]);
            what.getStyleClass().add("help-what");
            HBox line = new HBox(keys, what);
            line.getStyleClass().add("help-row");
            helpRows.getChildren().add(line);
        }
    }

    private void toggleHelp() {
        helpOverlay.setVisible(!helpOverlay.isVisible());
        if (helpOverlay.isVisible()) {
            helpCloseButton.requestFocus();
        }
    }

    @FXML
    private void closeHelp() {
        helpOverlay.setVisible(false);
    }

    /** A note in the bottom-right corner that hides itself after a few seconds (a click hides it at once). */
    private void showToast(AttentionModel.Toast toast) {
        Label title = new Label(toast.title());
        title.getStyleClass().add("toast-title");
        Label text = new Label(toast.text());
        text.getStyleClass().add("toast-text");
        VBox box = new VBox(title, text);
        box.getStyleClass().addAll("toast", toast.style());
        box.setId("toast-" + toastHost.getChildren().size());
        box.setOnMouseClicked(e -> toastHost.getChildren().remove(box));
        toastHost.getChildren().add(box);
        while (toastHost.getChildren().size() > 4) {
            toastHost.getChildren().remove(0);
        }
        PauseTransition hide = new PauseTransition(Duration.seconds(6));
        hide.setOnFinished(e -> toastHost.getChildren().remove(box));
        hide.play();
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

    /**
     * Keeps the status bar's bot state current (read off the FX thread every few seconds): nothing while the bot
     * works, a red notice when Telegram refused the token or another instance polls the same token.
     */
    public void watchBot(ServiceStatus status, TaskRunner tasks) {
        Timeline check = new Timeline(new KeyFrame(Duration.ZERO, e -> tasks.run(status::botState, this::showBot, failure -> { })),
                new KeyFrame(Duration.seconds(3)));
        check.setCycleCount(Animation.INDEFINITE);
        check.play();
        timers.add(check);
    }

    private void showBot(ServiceStatus.BotState state) {
        boolean trouble = state == ServiceStatus.BotState.BAD_TOKEN || state == ServiceStatus.BotState.CONFLICT
                || state == ServiceStatus.BotState.NO_SECRETS_KEY;
        statusBot.setText(trouble ? i18n.tr("status.bot." + state.name().toLowerCase(java.util.Locale.ROOT)) : "");
        show(statusBot, trouble);
    }

    private static void show(Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }

    /** Shows why the console cannot start, with a button to close it. */
    public void showFailure(String message, Runnable quit) {
        spinnerDelay.stop();
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
