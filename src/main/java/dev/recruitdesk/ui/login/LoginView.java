package dev.recruitdesk.ui.login;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The login screen's controller: binds the login and first-admin forms to {@link LoginViewModel}; Enter submits. */
public class LoginView {

    private final LoginViewModel model;

    @FXML private VBox loginForm;
    @FXML private TextField loginUsername;
    @FXML private PasswordField loginPassword;
    @FXML private Button loginButton;
    @FXML private VBox firstAdminForm;
    @FXML private TextField adminUsername;
    @FXML private Label adminUsernameError;
    @FXML private TextField adminName;
    @FXML private Label adminNameError;
    @FXML private TextField adminZone;
    @FXML private Label adminZoneError;
    @FXML private PasswordField adminPassword;
    @FXML private Label adminPasswordError;
    @FXML private PasswordField adminConfirm;
    @FXML private Label adminConfirmError;
    @FXML private Button createAdminButton;
    @FXML private Label loginError;
    @FXML private ProgressIndicator loginProgress;

    public LoginView(LoginViewModel model) {
        this.model = model;
    }

    /** Loads the screen and starts asking the database which form to show. */
    public static Parent load(LoginViewModel model, I18n i18n) {
        ViewLoader.Loaded<LoginView> loaded = new ViewLoader(i18n, type -> new LoginView(model)).load(LoginView.class);
        model.check();
        return loaded.root();
    }

    @FXML
    private void initialize() {
        FieldErrors.showOnlyWhen(loginForm, model.modeProperty().isEqualTo(LoginViewModel.Mode.LOGIN));
        FieldErrors.showOnlyWhen(firstAdminForm, model.modeProperty().isEqualTo(LoginViewModel.Mode.FIRST_ADMIN));
        loginUsername.textProperty().bindBidirectional(model.usernameProperty());
        loginPassword.textProperty().bindBidirectional(model.passwordProperty());
        adminUsername.textProperty().bindBidirectional(model.usernameProperty());
        adminName.textProperty().bindBidirectional(model.nameProperty());
        adminZone.textProperty().bindBidirectional(model.zoneProperty());
        adminPassword.textProperty().bindBidirectional(model.passwordProperty());
        adminConfirm.textProperty().bindBidirectional(model.confirmProperty());
        FieldErrors.show(adminUsernameError, adminUsername, model.errorProperty("username"));
        FieldErrors.show(adminNameError, adminName, model.errorProperty("name"));
        FieldErrors.show(adminZoneError, adminZone, model.errorProperty("zone"));
        FieldErrors.show(adminPasswordError, adminPassword, model.errorProperty("password"));
        FieldErrors.show(adminConfirmError, adminConfirm, model.errorProperty("confirm"));
        FieldErrors.show(loginError, model.errorProperty("form"));
        FieldErrors.showOnlyWhen(loginProgress, model.busyProperty());
        loginButton.disableProperty().bind(model.busyProperty());
        createAdminButton.disableProperty().bind(model.busyProperty());
        // one default button at a time: Enter submits the form that shows
        loginButton.defaultButtonProperty().bind(loginForm.visibleProperty());
        createAdminButton.defaultButtonProperty().bind(firstAdminForm.visibleProperty());
        model.modeProperty().addListener((o, old, mode) -> Platform.runLater(() -> {
            (mode == LoginViewModel.Mode.FIRST_ADMIN ? adminUsername : loginUsername).requestFocus();
        }));
        model.errorProperty("form").addListener((o, old, now) -> {
            if (!now.isEmpty() && loginForm.isVisible()) {
                loginPassword.requestFocus();
            }
        });
    }

    @FXML
    private void submit() {
        model.submit();
    }
}
