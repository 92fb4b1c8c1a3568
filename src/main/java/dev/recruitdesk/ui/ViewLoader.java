package dev.recruitdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/**
 * Loads a screen by convention: {@code ui/x/XxxView.java} ↔ {@code Xxx.fxml} (+ {@code Xxx.css}) in the same
 * package. Fails loudly, naming the missing resource.
 */
public final class ViewLoader {

    private final I18n i18n;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(I18n i18n, Callback<Class<?>, Object> controllerFactory) {
        this.i18n = i18n;
        this.controllerFactory = controllerFactory;
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    public <C> Loaded<C> load(Class<C> viewClass) {
        String base = viewClass.getSimpleName().replaceFirst("View$", "");
        URL fxml = viewClass.getResource(base + ".fxml");
        if (fxml == null) {
            throw new IllegalStateException("Missing FXML " + viewClass.getPackageName().replace('.', '/') + "/" + base + ".fxml for " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(fxml, i18n.bundle());
        loader.setControllerFactory(controllerFactory);
        try {
            Parent root = loader.load();
            URL css = viewClass.getResource(base + ".css");
            if (css != null) {
                root.getStylesheets().add(css.toExternalForm());
            }
            return new Loaded<>(root, viewClass.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + fxml + ": " + e.getMessage(), e);
        }
    }
}
