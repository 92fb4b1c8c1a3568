package dev.recruitdesk.ui.schedule;

import java.util.Objects;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens a Schedule dialog as a window-modal stage with the app's and the screen's stylesheets. */
final class DialogWindow {

    private DialogWindow() {
    }

    /** Opens the dialog; it closes itself once {@code done} turns true (the work it was opened for finished). */
    static Stage open(Window owner, Parent root, String title, double width, double height, ObservableValue<Boolean> done) {
        Stage stage = open(owner, root, title, width, height);
        done.addListener((obs, old, now) -> {
            if (now) {
                stage.close();
            }
        });
        return stage;
    }

    static Stage open(Window owner, Parent root, String title, double width, double height) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(DialogWindow.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(DialogWindow.class.getResource("Schedule.css")).toExternalForm());
        if (owner != null && owner.getScene() != null && owner.getScene().getRoot() != null) {
            // the theme's style classes (e.g. dark) follow the main window
            root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().filtered(c -> c.equals("dark")));
        }
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
