package dev.recruitdesk.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.bench.StartupProbe;
import dev.recruitdesk.domain.Recruiter;
import dev.recruitdesk.store.DatabaseInUseException;
import dev.recruitdesk.accounts.Caller;
import dev.recruitdesk.booking.MessageActions;
import dev.recruitdesk.ui.AdminServices;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.Frames;
import dev.recruitdesk.ui.FxTaskRunner;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.Screens;
import dev.recruitdesk.ui.TaskRunner;
import dev.recruitdesk.ui.ViewLoader;
import dev.recruitdesk.ui.accounts.AccountsView;
import dev.recruitdesk.ui.accounts.AccountsViewModel;
import dev.recruitdesk.ui.accounts.ChangePasswordView;
import dev.recruitdesk.ui.accounts.ChangePasswordViewModel;
import dev.recruitdesk.ui.login.LoginView;
import dev.recruitdesk.ui.login.LoginViewModel;
import dev.recruitdesk.ui.shell.ShellView;
import dev.recruitdesk.ui.shell.StartupFrame;
import dev.recruitdesk.ui.simulator.SandboxChat;
import dev.recruitdesk.ui.simulator.SimulatorView;
import dev.recruitdesk.ui.simulator.SimulatorViewModel;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: shows the shell at once, opens the backend on a background thread with a visible
 * progress state, shows the first screen, then starts the bot services (see {@link ConsoleStartup}). Closing the
 * window stops the backend.
 */
public class ConsoleApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(ConsoleApp.class);
    private AppContext context;
    private FxTaskRunner tasks;
    private volatile Backend backend;
    private Stage simulatorStage;

    public ConsoleApp() {
    }

    /** For tests: a console on an already built context. */
    public ConsoleApp(AppContext context) {
        this.context = Objects.requireNonNull(context);
    }

    @Override
    public void start(Stage stage) {
        if (context == null) {
            // JavaFX made this instance: the launcher prepared the context while the toolkit started
            Optional<AppContext> launched = ConsoleLaunch.awaitContext();
            if (launched.isEmpty()) {
                Platform.exit();
                return;
            }
            context = launched.get();
        }
        tasks = new FxTaskRunner();
        String theme = context.config().get(Config.Key.UI_THEME).orElse("light");
        Locale locale = I18n.chooseLocale(context.config().get(Config.Key.UI_LANGUAGE).orElse(null), Locale.getDefault());
        I18n i18n = new I18n(locale);

        // the database opens from now on; the first frame is the shell's outline without controls, the shell itself
        // is built right after it
        CompletableFuture<Void> themed = new CompletableFuture<>();
        CompletableFuture<ShellView> shell = new CompletableFuture<>();
        openInBackground(stage, i18n, themed, shell);
        Scene scene = new Scene(StartupFrame.build(i18n, "dark".equals(theme)), 1180, 760);
        stage.titleProperty().unbind();
        stage.setTitle("RecruitDesk");
        stage.setScene(scene);
        if (stage.getIcons().isEmpty()) {
            // the title bar's size before the window shows; the other sizes once the first screen is there
            stage.getIcons().add(icon(32));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        // the week's rows reached the screen: the summary line is set in the same pulse as the calendar's blocks
        StartupProbe.watchFromShow("schedule-data", () -> scene.lookup("#weekSummary") instanceof Label summary
                && summary.isVisible() && !summary.getText().isBlank());
        // and the form beside the week, a frame later (ScheduleView)
        StartupProbe.watchUntil("schedule-form", () -> scene.lookup("#createButton") != null);
        Frames.afterNextFrame(() -> showShell(stage, scene, theme, i18n, themed, shell));
    }

    /**
     * Opens the database and prepares the screens on a task; started before the window's first frame is built (the
     * FX thread's work until then is light). The screens are built once the theme is set, the results shown once the
     * shell is there: {@link #showShell} does both meanwhile.
     */
    private void openInBackground(Stage stage, I18n i18n, CompletableFuture<Void> themed, CompletableFuture<ShellView> shell) {
        tasks.run(() -> {
            Backend opened = context.openConsoleBackend();
            // team mode asks who is there first; the embedded file's only user needs no login: the screens are
            // prepared on this thread too
            return opened.database().settings().isPostgres() ? new Opened(opened, null)
                    : new Opened(opened, prepareOrClose(opened, themed, i18n));
        }, opened -> shell.thenAccept(shown -> {
            backend = opened.backend();
            signIn(opened, shown, i18n, stage);
        }), failure -> shell.thenAccept(shown -> showStartFailure(shown, i18n, failure)));
    }

    /** Puts the shell in place of the first frame, while the database opens. */
    private void showShell(Stage stage, Scene scene, String theme, I18n i18n, CompletableFuture<Void> themed,
                           CompletableFuture<ShellView> shell) {
        try {
            applyTheme(theme);
            themed.complete(null);
            ViewLoader.Loaded<ShellView> loaded = new ViewLoader(i18n, type -> new ShellView(i18n)).load(ShellView.class);
            scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
            scene.setRoot(loaded.root());
            stage.titleProperty().bind(loaded.controller().titleProperty());
            StartupProbe.watchNextFrame("shell");
            shell.complete(loaded.controller());
        } catch (RuntimeException | Error e) {
            themed.completeExceptionally(e);
            shell.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * The task switcher's and docks' icon sizes, decoded off the FX thread once the first screen (the week, or the
     * login) is on screen: six PNGs were a tenth of the shell's build, and decoding them while the database opened
     * slowed the first week.
     */
    private void addRemainingIcons(Stage stage) {
        if (stage.getIcons().size() > 1) {
            return;
        }
        tasks.run(() -> IntStream.of(16, 48, 64, 128, 256).mapToObj(ConsoleApp::icon).toList(),
                more -> stage.getIcons().addAll(more), failure -> log.warn("console.icons failed: {}", failure.toString()));
    }

    private static Image icon(int size) {
        return new Image(Objects.requireNonNull(
                ConsoleApp.class.getResource("/dev/recruitdesk/ui/icons/recruitdesk-" + size + ".png")).toExternalForm());
    }

    /** The bot services, once the Schedule shows its first week (see {@link ConsoleStartup}). */
    private void startServices(Backend opened, ShellView shell, I18n i18n, Stage stage) {
        tasks.run(() -> {
            opened.startServices();
            return opened;
        }, started -> Optional.ofNullable(started.bot()).flatMap(BotConnection::sandbox).ifPresent(fake -> {
            SandboxChatAdapter chat = new SandboxChatAdapter(fake, started);
            shell.showSandbox(() -> openSimulator(chat, i18n, stage));
        }), failure -> showStartFailure(shell, i18n, failure));
    }

    private static void showStartFailure(ShellView shell, I18n i18n, Throwable failure) {
        log.error("console.start.failed", failure);
        String message = failure instanceof DatabaseInUseException ? failure.getMessage()
                : i18n.tr("startup.failed") + ": " + failure.getMessage();
        shell.showFailure(message, Platform::exit);
    }

    /**
     * Team mode (PostgreSQL) asks who is there before the screens appear, or for the first admin on a database
     * without accounts; the embedded database's only user is its owner, with every right and no login.
     */
    private void signIn(Opened opened, ShellView shell, I18n i18n, Stage stage) {
        if (opened.console() != null) {
            showConsole(opened.console(), shell, i18n, stage);
            return;
        }
        Backend team = opened.backend();
        addRemainingIcons(stage);
        shell.showLogin(LoginView.load(new LoginViewModel(team.accounts(), tasks, i18n, ZoneId.systemDefault(),
                caller -> tasks.run(() -> prepare(team, caller, i18n), prepared -> showConsole(prepared, shell, i18n, stage),
                        failure -> showStartFailure(shell, i18n, failure))), i18n));
    }

    private static Caller soleUser(Backend opened) {
        return Caller.soleUser(opened.currentRecruiterId(), System.getProperty("user.name", "console"));
    }

    /** An open backend, and the console prepared for its user when nobody has to sign in first. */
    private record Opened(Backend backend, PreparedConsole console) {
    }

    /** A user's screens, prepared off the FX thread: the services (database reads) and the Schedule with its FXML. */
    private record PreparedConsole(Backend backend, Caller caller, ConsoleServices services, AdminServices admin,
                                   Screens screens, Parent schedule, CompletableFuture<Void> firstWeek) {
    }

    /**
     * Prepares the sole user's screens once the theme is set: their controls would otherwise have JavaFX set its
     * default one, on the FX thread, maybe after ours. Closes the backend when that fails.
     */
    private PreparedConsole prepareOrClose(Backend opened, CompletableFuture<Void> themed, I18n i18n) {
        try {
            themed.join();
            return prepare(opened, soleUser(opened), i18n);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Reads what the screens need and builds the Schedule, on a task: nodes may be made on any thread until they are
     * in a showing window, and the FX thread meanwhile draws the shell. The Schedule starts loading its first week.
     */
    private PreparedConsole prepare(Backend opened, Caller caller, I18n i18n) {
        ConsoleServices services = servicesOf(opened, caller);
        AdminServices admin = adminServicesOf(opened, caller, ConsoleApp::applyTheme);
        CompletableFuture<Void> firstWeek = new CompletableFuture<>();
        // completed on the FX thread, right after the first week's rows reached the Schedule
        TaskRunner screenTasks = ConsoleStartup.notifyingFirstResult(tasks, () -> firstWeek.complete(null));
        Screens screens = new Screens(services, admin, screenTasks, i18n, url -> getHostServices().showDocument(url));
        return new PreparedConsole(opened, caller, services, admin, screens, screens.schedule(), firstWeek);
    }

    /**
     * Shows the prepared screens: the Schedule together with its first week (read without Hibernate: one CSS pass
     * and one frame for both), its form column in the next frame; once that is drawn, Hibernate boots and the counts
     * and the bot services start.
     * Recruiters see neither Templates nor Accounts, nor Settings' admin parts.
     */
    private void showConsole(PreparedConsole console, ShellView shell, I18n i18n, Stage stage) {
        Backend opened = console.backend();
        Caller caller = console.caller();
        // thenRun on the FX thread: at once when the week is already there, else when it arrives (also on the FX thread)
        console.firstWeek().thenRun(() -> {
            shell.showReady(console.services().dbLocation(), console.services().teamMode(), console.schedule());
            addScreens(opened, caller, console.services(), console.screens(), shell, i18n);
            // the week's frame, then the Schedule's form column (ScheduleView adds it a frame later), then the rest
            Frames.afterNextFrame(() -> Frames.afterNextFrame(() -> {
                opened.database().bootInBackground();
                addRemainingIcons(stage);
                shell.showPeopleScreens(console.screens());
                shell.watchBot(console.admin().status(), tasks);
                startServices(opened, shell, i18n, stage);
            }));
        });
        if (caller.accountId() != null) {
            shell.showSignedIn(caller.name(), i18n.tr("accounts.role." + caller.role().name().toLowerCase(Locale.ROOT)),
                    caller.isAdmin(), () -> ChangePasswordView.open(stage, new ChangePasswordViewModel(opened.accounts(), caller, tasks, i18n), i18n),
                    () -> signOut(shell, stage));
        }
    }

    /** The screens after the Schedule, built on first visit; all appear with the Schedule's first week. */
    private void addScreens(Backend opened, Caller caller, ConsoleServices services, Screens screens, ShellView shell, I18n i18n) {
        shell.addScreen("navDashboard", screens::dashboard);
        shell.addScreen("navDelivery", screens::delivery);
        if (caller.isAdmin()) {
            shell.addScreen("navTemplates", screens::templates);
        } else {
            shell.hideScreen("navTemplates");
        }
        shell.addScreen("navSettings", screens::settings);
        if (caller.accountId() != null && caller.isAdmin()) {
            shell.addScreen("navAccounts", () -> AccountsView.load(
                    new AccountsViewModel(opened.accounts(), caller, services.recruiterZone(), tasks, i18n), i18n));
        }
    }

    /**
     * Ends the session: closes this backend (off the UI thread) and starts over at the login with a fresh one, so
     * nothing the previous user's screens subscribed to outlives them.
     */
    private void signOut(ShellView shell, Stage stage) {
        shell.close();
        if (simulatorStage != null) {
            simulatorStage.close();
        }
        Backend old = backend;
        backend = null;
        FxTaskRunner oldTasks = tasks;
        oldTasks.run(() -> {
            old.close();
            return old;
        }, closed -> {
            oldTasks.close();
            start(stage);
        }, failure -> {
            log.warn("console.sign-out close failed: {}", failure.toString());
            oldTasks.close();
            start(stage);
        });
    }

    /** Opens the candidate simulator window (one per console; a second press brings it to the front). */
    private void openSimulator(SandboxChat chat, I18n i18n, Stage owner) {
        if (simulatorStage != null) {
            simulatorStage.show();
            simulatorStage.toFront();
            return;
        }
        SimulatorViewModel model = new SimulatorViewModel(chat, tasks, i18n, Platform::runLater, ZoneId.systemDefault());
        ViewLoader.Loaded<SimulatorView> view = new ViewLoader(i18n, type -> new SimulatorView(model, i18n)).load(SimulatorView.class);
        Scene scene = new Scene(view.root(), 700, 780);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
        Stage stage = new Stage();
        stage.setTitle(view.controller().title());
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setOnHidden(e -> {
            model.close();
            simulatorStage = null;
        });
        simulatorStage = stage;
        stage.show();
    }

    /** The screens' view of an open backend; public for view-model tests that run on a real database. */
    public static ConsoleServices servicesOf(Backend backend, Caller caller) {
        Recruiter me = backend.recruiters().get(caller.recruiterId());
        return new ConsoleServices(backend.slots(), backend.bookings(), caller,
                me.getZone(), me.getMeetingLink(), backend.context().clock(),
                backend.database().settings().location(), backend.database().settings().isPostgres(),
                backend.candidates(), backend.queries(), backend.invites(), backend.recruiterMessages(), backend::botUsername);
    }

    /** The Delivery, Templates, Settings and Dashboard screens' services on an open backend; public for tests. */
    public static AdminServices adminServicesOf(Backend backend, Caller caller, java.util.function.Consumer<String> applyTheme) {
        long me = caller.recruiterId();
        return new AdminServices(backend.deliveryOps(),
                new MessageActions(backend.database(), backend.deliveryOps(), backend.context().clock()),
                new BackendServiceStatus(backend), backend.templates(),
                new TelegramTemplatePreviewer(backend.renderer(), backend.context().clock(), () -> backend.recruiters().get(me).getName()),
                backend.reminderPolicy(), backend.recruiters(), backend.dashboard(),
                new ConfigSettingsStore(backend.context().config(), backend.secrets()),
                new GatewayBotProbe(() -> backend.bot() == null ? null : backend.bot().gateway()),
                caller, applyTheme);
    }

    /** Switches the AtlantaFX look: {@code dark} or anything else for light. */
    static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** The open backend, once started; for tests. */
    Backend backend() {
        return backend;
    }

    @Override
    public void stop() {
        if (simulatorStage != null) {
            Stage open = simulatorStage;
            Platform.runLater(open::close);
        }
        if (tasks != null) {
            tasks.close();
        }
        if (backend != null) {
            backend.close();
        }
    }
}
