package dev.recruitdesk.ui.login;

import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
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
        show(loginForm, model.modeProperty().isEqualTo(LoginViewModel.Mode.LOGIN));
        show(firstAdminForm, model.modeProperty().isEqualTo(LoginViewModel.Mode.FIRST_ADMIN));
        loginUsername.textProperty().bindBidirectional(model.usernameProperty());
        loginPassword.textProperty().bindBidirectional(model.passwordProperty());
        adminUsername.textProperty().bindBidirectional(model.usernameProperty());
        adminName.textProperty().bindBidirectional(model.nameProperty());
        adminZone.textProperty().bindBidirectional(model.zoneProperty());
        adminPassword.textProperty().bindBidirectional(model.passwordProperty());
        adminConfirm.textProperty().bindBidirectional(model.confirmProperty());
        error(adminUsernameError, adminUsername, model.errorProperty("username"));
        error(adminNameError, adminName, model.errorProperty("name"));
        error(adminZoneError, adminZone, model.errorProperty("zone"));
        error(adminPasswordError, adminPassword, model.errorProperty("password"));
        error(adminConfirmError, adminConfirm, model.errorProperty("confirm"));
        error(loginError, null, model.errorProperty("form"));
        show(loginProgress, model.busyProperty());
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

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }

    /** An error label shows only when it has text; its field gets the {@code invalid} style meanwhile. */
    private static void error(Label label, Node field, ObservableStringValue error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> !error.get().isEmpty(), error));
        label.managedProperty().bind(label.visibleProperty());
        if (field != null) {
            error.addListener((obs, old, now) -> {
                field.getStyleClass().remove("invalid");
                if (!now.isEmpty()) {
                    field.getStyleClass().add("invalid");
                }
            });
        }
    }

    @FXML
    private void submit() {
        model.submit();
    }
}
