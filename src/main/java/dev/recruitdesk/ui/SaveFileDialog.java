package dev.recruitdesk.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Asks where to save a file. The app shows the desktop's native dialog; tests answer with a path of their own,
 * since a native dialog can neither be driven by the robot nor shown by the headless toolkit.
 */
@FunctionalInterface
public interface SaveFileDialog {

    /**
     * Called on the FX thread.
     *
     * @param extension the file type without the dot, e.g. {@code csv}
     * @return the chosen file, or empty when the user cancelled
     */
    Optional<Path> ask(Window owner, String title, String initialName, String extension);

    /** The desktop's save dialog (JavaFX {@link FileChooser}). */
    static SaveFileDialog nativeDialog() {
        return (owner, title, initialName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT), "*." + extension));
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
