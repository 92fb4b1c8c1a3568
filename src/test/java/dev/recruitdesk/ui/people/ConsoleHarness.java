package dev.recruitdesk.ui.people;

import dev.recruitdesk.accounts.TestCallers;
import dev.recruitdesk.app.AppContext;
import dev.recruitdesk.app.Backend;
import dev.recruitdesk.app.ConsoleApp;
import dev.recruitdesk.sandbox.FakeBotApi;
import dev.recruitdesk.ui.ConsoleServices;
import dev.recruitdesk.ui.FxTaskRunner;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.Screens;
import dev.recruitdesk.ui.ViewLoader;
import dev.recruitdesk.ui.shell.ShellView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/**
 * The console as the app builds it (shell, screens, sandbox bot, dispatcher) on a real home folder, with a link
 * opener that records instead of opening a browser. Tests reach the backend and the fake Telegram through it.
 */
final class ConsoleHarness implements AutoCloseable {

    final Backend backend;
    final ConsoleServices services;
    final FakeBotApi telegram;
    final List<String> openedLinks = new CopyOnWriteArrayList<>();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private ShellView shell;
    private Stage stage;

    ConsoleHarness(Path home, Clock clock, String language) throws Exception {
        Files.createDirectories(home);
        Files.writeString(home.resolve("recruitdesk.properties"), "ui.language=" + language + "\n");
        backend = AppContext.forHome(home, clock).openBackend();
        backend.startServices();
        telegram = backend.bot().sandbox().orElseThrow();
        services = ConsoleApp.servicesOf(backend, TestCallers.soleUser(backend.currentRecruiterId()));
    }

    /** Shows the window on {@code stage}; call on the FX thread. */
    void show(Stage stage, Locale locale) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        I18n i18n = new I18n(locale);
        ViewLoader.Loaded<ShellView> loaded = new ViewLoader(i18n, type -> new ShellView(i18n)).load(ShellView.class);
        shell = loaded.controller();
        Scene scene = new Scene(loaded.root(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(ConsoleApp.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
        stage.titleProperty().bind(shell.titleProperty());
        stage.setScene(scene);
        stage.show();
        Screens screens = new Screens(services, tasks, i18n, openedLinks::add);
        shell.showReady(services.dbLocation(), services.teamMode(), screens.schedule());
        shell.showPeopleScreens(screens);
    }

    Stage stage() {
        return stage;
    }

    static void await(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Writes the window to {@code target/screenshots/<name>} and, with {@code -Dscreenshots.dir}, there too. */
    void screenshot(String name) throws Exception {
        WritableImage shot = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        write(shot, Path.of("target/screenshots", name));
        String extra = System.getProperty("screenshots.dir");
        if (extra != null && !extra.isBlank()) {
            write(shot, Path.of(extra, name));
        }
    }

    private static void write(WritableImage image, Path file) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    @Override
    public void close() {
        tasks.close();
        backend.close();
    }
}
