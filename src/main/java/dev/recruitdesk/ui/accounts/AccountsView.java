package dev.recruitdesk.ui.accounts;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.accounts.AccountRow;
import dev.recruitdesk.domain.Role;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.ViewLoader;
import dev.recruitdesk.ui.accounts.AccountsViewModel.AuditLine;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Accounts screen's controller: binds the accounts table, its forms and the audit viewer to the view model. */
public class AccountsView {

    private final AccountsViewModel model;
    private final I18n i18n;

    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Tab auditTab;
    @FXML private Button newAccountButton;
    @FXML private Button refreshAccountsButton;
    @FXML private Label accountsMessage;
    @FXML private Label accountsError;
    @FXML private TableView<AccountRow> accountTable;
    @FXML private TableColumn<AccountRow, String> usernameColumn;
    @FXML private TableColumn<AccountRow, String> nameColumn;
    @FXML private TableColumn<AccountRow, String> roleColumn;
    @FXML private TableColumn<AccountRow, AccountRow> stateColumn;
    @FXML private TableColumn<AccountRow, String> lastLoginColumn;
    @FXML private TableColumn<AccountRow, String> zoneColumn;
    @FXML private VBox newAccountPane;
    @FXML private TextField newUsername;
    @FXML private Label newUsernameError;
    @FXML private TextField newName;
    @FXML private Label newNameError;
    @FXML private ComboBox<Role> newRole;
    @FXML private TextField newZone;
    @FXML private Label newZoneError;
    @FXML private PasswordField newPassword;
    @FXML private Label newPasswordError;
    @FXML private Button cancelNewButton;
    @FXML private Button createAccountButton;
    @FXML private VBox selectedPane;
    @FXML private Label selectedTitle;
    @FXML private Label selectedState;
    @FXML private ComboBox<Role> roleBox;
    @FXML private Button applyRoleButton;
    @FXML private Label roleError;
    @FXML private PasswordField resetPasswordField;
    @FXML private Button resetPasswordButton;
    @FXML private Label resetError;
    @FXML private Button unlockButton;
    @FXML private Button toggleActiveButton;
    @FXML private Label activeError;
    @FXML private Label selectHint;
    @FXML private TextField auditActorField;
    @FXML private TextField auditEntityField;
    @FXML private TextField auditActionField;
    @FXML private DatePicker auditFromPicker;
    @FXML private DatePicker auditToPicker;
    @FXML private Button auditSearchButton;
    @FXML private Label auditError;
    @FXML private TableView<AuditLine> auditTable;
    @FXML private TableColumn<AuditLine, String> auditWhenColumn;
    @FXML private TableColumn<AuditLine, String> auditWhoColumn;
    @FXML private TableColumn<AuditLine, String> auditActionColumn;
    @FXML private TableColumn<AuditLine, String> auditEntityColumn;
    @FXML private TableColumn<AuditLine, String> auditChangeColumn;
    @FXML private Button auditPreviousButton;
    @FXML private Label auditPageLabel;
    @FXML private Button auditNextButton;

    public AccountsView(AccountsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    /** Loads the screen and its first data. */
    public static Parent load(AccountsViewModel model, I18n i18n) {
        ViewLoader.Loaded<AccountsView> loaded = new ViewLoader(i18n, type -> new AccountsView(model, i18n)).load(AccountsView.class);
        model.refresh();
        return loaded.root();
    }

    @FXML
    private void initialize() {
        loadingIndicator.visibleProperty().bind(model.busyProperty());
        accountTable.setItems(model.rows());
        text(usernameColumn, AccountRow::username);
        text(nameColumn, AccountRow::name);
        text(roleColumn, r -> model.roleName(r.role()));
        text(lastLoginColumn, r -> model.timeText(r.lastLoginAt()));
        text(zoneColumn, AccountRow::zone);
        stateColumn.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(AccountRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("state-locked", "state-inactive");
                setText(empty || row == null ? null : model.stateText(row));
                if (!empty && row != null) {
                    getStyleClass().add(!row.active() ? "state-inactive" : row.locked() ? "state-locked" : "state-ok");
                }
            }
        });
        accountTable.getSelectionModel().selectedItemProperty().addListener((o, old, row) -> {
            if (row != null) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((o, old, row) -> {
            if (row == null) {
                accountTable.getSelectionModel().clearSelection();
            } else if (accountTable.getSelectionModel().getSelectedItem() != row) {
                accountTable.getSelectionModel().select(row);
            }
            showSelected(row);
        });

        FieldErrors.showOnlyWhen(newAccountPane, model.creatingProperty());
        FieldErrors.showOnlyWhen(selectedPane, model.selectedProperty().isNotNull().and(model.creatingProperty().not()));
        FieldErrors.showOnlyWhen(selectHint, model.selectedProperty().isNull().and(model.creatingProperty().not()));
        newUsername.textProperty().bindBidirectional(model.newUsernameProperty());
        newName.textProperty().bindBidirectional(model.newNameProperty());
        newZone.textProperty().bindBidirectional(model.newZoneProperty());
        newPassword.textProperty().bindBidirectional(model.newPasswordProperty());
        roles(newRole);
        newRole.valueProperty().bindBidirectional(model.newRoleProperty());
        roles(roleBox);
        roleBox.valueProperty().bindBidirectional(model.roleChoiceProperty());
        resetPasswordField.textProperty().bindBidirectional(model.resetPasswordProperty());
        FieldErrors.show(newUsernameError, newUsername, model.errorProperty("username"));
        FieldErrors.show(newNameError, newName, model.errorProperty("name"));
        FieldErrors.show(newZoneError, newZone, model.errorProperty("zone"));
        FieldErrors.show(newPasswordError, newPassword, model.errorProperty("password"));
        FieldErrors.show(roleError, roleBox, model.errorProperty("role"));
        FieldErrors.show(resetError, resetPasswordField, model.errorProperty("reset"));
        FieldErrors.show(activeError, model.errorProperty("active"));
        FieldErrors.show(accountsError, model.errorProperty("form"));
        accountsMessage.textProperty().bind(model.messageProperty());
        FieldErrors.showOnlyWhen(accountsMessage, model.messageProperty().isNotEmpty());
        for (Button b : new Button[] {createAccountButton, applyRoleButton, resetPasswordButton, unlockButton, toggleActiveButton}) {
            b.disableProperty().bind(model.busyProperty());
        }
        createAccountButton.defaultButtonProperty().bind(newAccountPane.visibleProperty());

        auditTable.setItems(model.auditLines());
        text(auditWhenColumn, AuditLine::when);
        text(auditWhoColumn, AuditLine::who);
        text(auditActionColumn, AuditLine::action);
        text(auditEntityColumn, AuditLine::entity);
        text(auditChangeColumn, AuditLine::change);
        auditActorField.textProperty().bindBidirectional(model.actorFilterProperty());
        auditEntityField.textProperty().bindBidirectional(model.entityFilterProperty());
        auditActionField.textProperty().bindBidirectional(model.actionFilterProperty());
        auditFromPicker.valueProperty().bindBidirectional(model.fromDateProperty());
        auditToPicker.valueProperty().bindBidirectional(model.toDateProperty());
        FieldErrors.show(auditError, model.auditErrorProperty());
        auditPageLabel.textProperty().bind(model.auditPageTextProperty());
        auditPreviousButton.disableProperty().bind(model.auditPageProperty().isEqualTo(0));
        auditNextButton.disableProperty().bind(model.auditPageProperty().add(1).greaterThanOrEqualTo(model.auditPagesProperty()));
        // the audit loads when first opened and again on every visit: it grows while the screen is open
        auditTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                model.searchAudit();
            }
        });
        showSelected(null);
    }

    private void showSelected(AccountRow row) {
        if (row == null) {
            return;
        }
        selectedTitle.setText(row.name() + " (" + row.username() + ")" + (model.isSelf(row) ? " — " + i18n.tr("accounts.you") : ""));
        selectedState.setText(model.roleName(row.role()) + " · " + model.stateText(row) + " · " + row.zone());
        unlockButton.setVisible(row.locked());
        unlockButton.setManaged(row.locked());
        toggleActiveButton.setText(i18n.tr(row.active() ? "accounts.deactivate" : "accounts.reactivate"));
        toggleActiveButton.getStyleClass().remove("danger");
        if (row.active()) {
            toggleActiveButton.getStyleClass().add("danger");
        }
    }

    private void roles(ComboBox<Role> box) {
        box.getItems().setAll(Role.RECRUITER, Role.ADMIN);
        box.setButtonCell(roleCell());
        box.setCellFactory(list -> roleCell());
    }

    private ListCell<Role> roleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Role role, boolean empty) {
                super.updateItem(role, empty);
                setText(empty || role == null ? null : model.roleName(role));
            }
        };
    }

    private static <R> void text(TableColumn<R, String> column, Function<R, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void startNew() {
        model.startNew();
        newUsername.requestFocus();
    }

    @FXML
    private void cancelNew() {
        model.cancelNew();
    }

    @FXML
    private void create() {
        model.create();
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void applyRole() {
        model.applyRole();
    }

    @FXML
    private void resetPassword() {
        model.resetPassword();
    }

    @FXML
    private void unlock() {
        model.unlock();
    }

    @FXML
    private void toggleActive() {
        model.toggleActive();
    }

    @FXML
    private void searchAudit() {
        model.searchAudit();
    }

    @FXML
    private void nextAuditPage() {
        model.nextAuditPage();
    }

    @FXML
    private void previousAuditPage() {
        model.previousAuditPage();
    }
}
