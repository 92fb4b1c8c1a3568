package dev.recruitdesk.ui.accounts;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import java.util.Objects;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The change-password dialog's controller; the dialog closes itself once the password is changed. */
public class ChangePasswordView {

    private final ChangePasswordViewModel model;

    @FXML private VBox root;
    @FXML private PasswordField currentPasswordField;
    @FXML private Label currentPasswordError;
    @FXML private PasswordField ownPasswordField;
    @FXML private Label ownPasswordError;
    @FXML private PasswordField confirmPasswordField;
    @FXML private Label confirmPasswordError;
    @FXML private Label changePasswordError;
    @FXML private Button savePasswordButton;
    @FXML private Button cancelPasswordButton;

    public ChangePasswordView(ChangePasswordViewModel model) {
        this.model = model;
    }

    /** Opens the dialog over {@code owner}, window-modal. */
    public static Stage open(Window owner, ChangePasswordViewModel model, I18n i18n) {
        ViewLoader.Loaded<ChangePasswordView> loaded = new ViewLoader(i18n, type -> new ChangePasswordView(model)).load(ChangePasswordView.class);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(i18n.tr("accounts.changePassword"));
        Scene scene = new Scene(loaded.root(), 420, 400);
        scene.getStylesheets().add(Objects.requireNonNull(ChangePasswordView.class.getResource("/dev/recruitdesk/ui/app.css")).toExternalForm());
        stage.setScene(scene);
        model.doneProperty().addListener((o, was, now) -> {
            if (now) {
                stage.close();
            }
        });
        stage.show();
        return stage;
    }

    @FXML
    private void initialize() {
        currentPasswordField.textProperty().bindBidirectional(model.currentProperty());
        ownPasswordField.textProperty().bindBidirectional(model.newPasswordProperty());
        confirmPasswordField.textProperty().bindBidirectional(model.confirmProperty());
        FieldErrors.show(currentPasswordError, currentPasswordField, model.errorProperty("currentPassword"));
        FieldErrors.show(ownPasswordError, ownPasswordField, model.errorProperty("newPassword"));
        FieldErrors.show(confirmPasswordError, confirmPasswordField, model.errorProperty("confirm"));
        FieldErrors.show(changePasswordError, model.errorProperty("form"));
        savePasswordButton.disableProperty().bind(model.busyProperty());
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void cancel() {
        ((Stage) root.getScene().getWindow()).close();
    }
}
