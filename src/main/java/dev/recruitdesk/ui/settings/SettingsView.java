package dev.recruitdesk.ui.settings;

import dev.recruitdesk.ui.FieldErrors;
import dev.recruitdesk.reminders.ReminderKind;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.settings.SettingsStore.Setting;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;

/** The Settings screen's controller: binds every field and its inline error; Save and Test connection delegate. */
public class SettingsView {

    private final SettingsViewModel model;
    private final I18n i18n;

    @FXML private BorderPane root;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private PasswordField tokenField;
    @FXML private Label tokenError;
    @FXML private TextField apiUrlField;
    @FXML private Label apiUrlError;
    @FXML private Button testButton;
    @FXML private Label testResult;
    @FXML private GridPane reminderGrid;
    @FXML private CheckBox quietEnabledBox;
    @FXML private TextField quietStartField;
    @FXML private TextField quietEndField;
    @FXML private Label quietError;
    @FXML private CheckBox autoApproveBox;
    @FXML private TextField cutoffField;
    @FXML private Label cutoffError;
    @FXML private TextField minNoticeField;
    @FXML private Label minNoticeError;
    @FXML private TextField horizonField;
    @FXML private Label horizonError;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private TextField zoneField;
    @FXML private Label zoneError;
    @FXML private TextField linkField;
    @FXML private Label linkError;
    @FXML private Label dbLocationLabel;
    @FXML private TextField dbUrlField;
    @FXML private Label dbUrlError;
    @FXML private TextField dbUserField;
    @FXML private PasswordField dbPasswordField;
    @FXML private Label dbReadOnlyHint;
    @FXML private ComboBox<String> languageBox;
    @FXML private ComboBox<String> themeBox;
    @FXML private Button saveButton;
    @FXML private Label formError;
    @FXML private Label formMessage;

    public SettingsView(SettingsViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        loadingIndicator.visibleProperty().bind(model.loadingProperty().or(model.savingProperty()));
        field(tokenField, Setting.TELEGRAM_TOKEN, tokenError);
        field(apiUrlField, Setting.TELEGRAM_API_URL, apiUrlError);
        testButton.disableProperty().bind(model.testingProperty());
        testResult.textProperty().bind(model.testResultProperty());
        model.testOkProperty().addListener((o, a, ok) -> {
            testResult.getStyleClass().removeAll("tone-ok", "tone-bad");
            testResult.getStyleClass().add(ok ? "tone-ok" : "tone-bad");
        });

        int row = 1;
        for (ReminderKind kind : ReminderKind.values()) {
            SettingsViewModel.KindRow k = model.kind(kind);
            CheckBox on = new CheckBox(i18n.tr("settings.reminder." + kind.keyName()));
            on.setId("reminder-" + kind.keyName() + "-enabled");
            on.selectedProperty().bindBidirectional(k.enabledProperty());
            TextField minutes = new TextField();
            minutes.setId("reminder-" + kind.keyName() + "-minutes");
            minutes.getStyleClass().add("minutes-field");
            minutes.textProperty().bindBidirectional(k.minutesProperty());
            Label unit = new Label(i18n.tr("settings.reminder.minutesBefore"));
            unit.getStyleClass().add("form-hint");
            Label error = new Label();
            error.setId("reminder-" + kind.keyName() + "-error");
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            FieldErrors.show(error, minutes, k.errorProperty());
            reminderGrid.addRow(row++, on, minutes, unit);
            reminderGrid.add(error, 0, row++, 3, 1);
        }
        quietEnabledBox.selectedProperty().bindBidirectional(model.quietEnabledProperty());
        quietStartField.textProperty().bindBidirectional(model.quietStartProperty());
        quietEndField.textProperty().bindBidirectional(model.quietEndProperty());
        FieldErrors.show(quietError, quietStartField, model.errorProperty("quietHours"));

        autoApproveBox.selectedProperty().bindBidirectional(model.autoApproveProperty());
        field(cutoffField, Setting.BOOKING_CHANGE_CUTOFF_MINUTES, cutoffError);
        field(minNoticeField, Setting.BOOKING_MIN_NOTICE_MINUTES, minNoticeError);
        field(horizonField, Setting.BOOKING_HORIZON_DAYS, horizonError);

        nameField.textProperty().bindBidirectional(model.nameProperty());
        FieldErrors.show(nameError, nameField, model.errorProperty("name"));
        zoneField.textProperty().bindBidirectional(model.zoneProperty());
        FieldErrors.show(zoneError, zoneField, model.errorProperty("zone"));
        linkField.textProperty().bindBidirectional(model.meetingLinkProperty());
        FieldErrors.show(linkError, linkField, model.errorProperty("meetingLink"));

        dbLocationLabel.textProperty().bind(model.dbLocationProperty());
        field(dbUrlField, Setting.DB_URL, dbUrlError);
        dbUserField.textProperty().bindBidirectional(model.value(Setting.DB_USER));
        dbPasswordField.textProperty().bindBidirectional(model.value(Setting.DB_PASSWORD));
        for (Node n : new Node[] {dbUrlField, dbUserField, dbPasswordField}) {
            n.disableProperty().bind(model.databaseReadOnlyProperty());
        }
        dbReadOnlyHint.visibleProperty().bind(model.databaseReadOnlyProperty());
        dbReadOnlyHint.managedProperty().bind(dbReadOnlyHint.visibleProperty());

        languageBox.getItems().setAll("ru", "en");
        languageBox.setConverter(choice("settings.language."));
        languageBox.valueProperty().bindBidirectional(model.value(Setting.UI_LANGUAGE));
        themeBox.getItems().setAll("light", "dark");
        themeBox.setConverter(choice("settings.theme."));
        themeBox.valueProperty().bindBidirectional(model.value(Setting.UI_THEME));

        saveButton.disableProperty().bind(model.savingProperty().or(model.loadingProperty()));
        saveButton.textProperty().bind(Bindings.when(model.savingProperty())
                .then(i18n.tr("settings.saving")).otherwise(i18n.tr("settings.save")));
        FieldErrors.show(formError, model.formErrorProperty());
        formMessage.textProperty().bind(model.formMessageProperty());
        formMessage.visibleProperty().bind(model.formMessageProperty().isNotEmpty());
        formMessage.managedProperty().bind(formMessage.visibleProperty());
        model.load();
    }

    private javafx.util.StringConverter<String> choice(String prefix) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : i18n.tr(prefix + value);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        };
    }

    private void field(TextField field, Setting setting, Label error) {
        field.textProperty().bindBidirectional(model.value(setting));
        FieldErrors.show(error, field, model.errorProperty(setting.key));
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void save() {
        model.save();
    }
}
