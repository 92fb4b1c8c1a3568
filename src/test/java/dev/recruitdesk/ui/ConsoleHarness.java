package dev.recruitdesk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.ui.shell.ShellView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as the app builds it (shell, every screen, sandbox bot, dispatcher) on a real home folder, with a
 * link opener that records instead of opening a browser and a save dialog that answers {@link #saveTo}. Tests
 * reach the backend and the fake Telegram through it.
 */
public final class ConsoleHarness implements AutoCloseable {

    public final Backend backend;
    public final ConsoleServices services;
    public final AdminServices admin;
    public final FakeBotApi telegram;
    public final List<String> openedLinks = new CopyOnWriteArrayList<>();
    /** The themes the Settings screen switched to. */
    public final List<String> themes = new CopyOnWriteArrayList<>();
    /** Where the next export goes; null answers the save dialog as if the user cancelled. */
    public volatile Path saveTo;
    private final FxTaskRunner tasks = new FxTaskRunner();
    private Stage stage;

    public ConsoleHarness(Path home, Clock clock, String language) throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=" + language + "\n");
        backend = AppContext.forHome(home, clock).openBackend();
        backend.startServices();
        telegram = backend.bot().sandbox().orElseThrow();
        services = ConsoleApp.servicesOf(backend);
        admin = ConsoleApp.adminServicesOf(backend, themes::add);
    }

    /** Shows the window on {@code stage} in the light theme; call on the FX thread. */
    public void show(Stage stage, Locale locale) {
        show(stage, locale, false);
    }

    /** Shows the window on {@code stage}; call on the FX thread. */
    public void show(Stage stage, Locale locale, boolean dark) {
        this.stage = stage;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        I18n i18n = new I18n(locale);
        ViewLoader.Loaded<ShellView> loaded = new ViewLoader(i18n, type -> new ShellView(i18n)).load(ShellView.class);
        ShellView shell = loaded.controller();
        Scene scene = new Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
        stage.titleProperty().bind(shell.titleProperty());
        stage.setScene(scene);
        stage.show();
        Screens screens = new Screens(services, admin, tasks, i18n, openedLinks::add,
                (owner, title, initialName, extension) -> Optional.ofNullable(saveTo));
        shell.showReady(services.dbLocation(), services.teamMode(), screens.schedule());
        shell.showPeopleScreens(screens);
        shell.addScreen("navDashboard", screens::dashboard);
        shell.addScreen("navDelivery", screens::delivery);
        shell.addScreen("navTemplates", screens::templates);
        shell.addScreen("navSettings", screens::settings);
    }

    public Stage stage() {
        return stage;
    }

    public static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the window to {@code target/screenshots/<name>} and, with {@code -Dscreenshots.dir}, there too. */
    public void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(stage.getScene(), name);
    }

    @Override
    public void close() {
        tasks.close();
        backend.close();
    }
}
