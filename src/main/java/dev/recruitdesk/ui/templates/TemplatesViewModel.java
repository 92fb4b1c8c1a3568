package dev.recruitdesk.ui.templates;

import dev.recruitdesk.accounts.AccessDenied;
import dev.recruitdesk.booking.RuleViolation;
import dev.recruitdesk.booking.TemplateProblem;
import dev.recruitdesk.booking.TemplateRejected;
import dev.recruitdesk.booking.TemplateService;
import dev.recruitdesk.booking.TemplateVersion;
import dev.recruitdesk.domain.Language;
import dev.recruitdesk.ui.AdminServices;
import dev.recruitdesk.ui.I18n;
import dev.recruitdesk.ui.TaskRunner;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State and commands of the Templates screen: every key in Russian and English, the draft with its placeholders,
 * a live preview and live problems, save (refused with every problem inline) and revert to any version.
 */
public class TemplatesViewModel {

    private static final Logger log = LoggerFactory.getLogger(TemplatesViewModel.class);

    /** A version as the history list shows it. */
    public record VersionRow(TemplateVersion version, String label) {
    }

    private final AdminServices admin;
    private final TemplateService templates;
    private final TemplatePreviewer previewer;
    private final TaskRunner tasks;
    private final I18n i18n;
    private final DateTimeFormatter savedAt;

    private final ObservableList<String> keys = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedKey = new SimpleObjectProperty<>();
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(Language.RU);
    private final StringProperty draft = new SimpleStringProperty("");
    private final ObservableList<String> placeholders = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TemplatePreviewer.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper activeText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper kindLabel = new ReadOnlyStringWrapper("");
    private int loadGeneration;
    private int previewGeneration;

    public TemplatesViewModel(AdminServices admin, TaskRunner tasks, I18n i18n) {
        this.admin = admin;
        this.templates = admin.templates();
        this.previewer = admin.previewer();
        this.tasks = tasks;
        this.i18n = i18n;
        this.savedAt = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", i18n.locale()).withZone(ZoneId.systemDefault());
        keys.setAll(templates.rules().keys());
        selectedKey.addListener((o, a, b) -> load());
        language.addListener((o, a, b) -> load());
        draft.addListener((o, a, b) -> {
            dirty.set(!b.equals(activeText.get()));
            message.set("");
            updatePreview();
        });
    }

    /** Opens the first key. */
    public void start() {
        if (selectedKey.get() == null && !keys.isEmpty()) {
            selectedKey.set(keys.get(0));
        }
    }

    private record Loaded(String active, List<TemplateVersion> versions, List<String> placeholders, TemplatePreviewer.Kind kind) {
    }

    private void load() {
        String key = selectedKey.get();
        Language lang = language.get();
        if (key == null || lang == null) {
            return;
        }
        int generation = ++loadGeneration;
        loading.set(true);
        tasks.run(() -> new Loaded(templates.activeText(key, lang), templates.versions(key, lang), previewer.placeholders(key),
                previewer.kind(key)), loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            loading.set(false);
            placeholders.setAll(loaded.placeholders());
            kindLabel.set(i18n.tr("templates.kind." + loaded.kind().name().toLowerCase(Locale.ROOT)));
            showVersions(loaded.versions());
            activeText.set(loaded.active());
            problems.clear();
            draft.set(loaded.active());
            dirty.set(false);
            updatePreview();
        }, failure -> {
            loading.set(false);
            log.warn("templates.load.failed key={}", key, failure);
            message.set(i18n.tr("templates.loadFailed", String.valueOf(failure.getMessage())));
        });
    }

    private record Checked(TemplatePreviewer.Preview preview, List<TemplateProblem> problems) {
    }

    /** Renders the draft and checks it, off the FX thread; only the newest draft's answer is shown. */
    private void updatePreview() {
        String key = selectedKey.get();
        Language lang = language.get();
        String text = draft.get();
        if (key == null) {
            return;
        }
        int generation = ++previewGeneration;
        tasks.run(() -> new Checked(previewer.preview(key, lang, text), templates.rules().check(key, lang, text)), checked -> {
            if (generation == previewGeneration) {
                preview.set(checked.preview());
                showProblems(checked.problems());
            }
        }, failure -> log.warn("templates.preview.failed key={}", key, failure));
    }

    private void showProblems(List<TemplateProblem> list) {
        problems.setAll(list.stream().map(p -> i18n.tr("template.error." + p.kind().name().toLowerCase(Locale.ROOT), p.detail())).toList());
    }

    private void showVersions(List<TemplateVersion> list) {
        versions.setAll(list.stream().map(v -> new VersionRow(v, v.isBuiltIn()
                ? i18n.tr(v.active() ? "templates.version.builtInActive" : "templates.version.builtIn")
                : i18n.tr(v.active() ? "templates.version.active" : "templates.version.saved", v.version(), v.author(),
                        savedAt.format(v.savedAt())) + (v.revertedFrom() == null ? "" : " " + i18n.tr("templates.version.revertedFrom", v.revertedFrom()))))
                .toList());
    }

    /** Saves the draft as a new version; refused drafts show every problem and save nothing. */
    public void save() {
        String key = selectedKey.get();
        Language lang = language.get();
        String text = draft.get();
        if (key == null || saving.get()) {
            return;
        }
        saving.set(true);
        message.set("");
        tasks.run(() -> {
            TemplateVersion saved = templates.save(admin.caller(), key, lang, text);
            return new Loaded(saved.text(), templates.versions(key, lang), previewer.placeholders(key), previewer.kind(key));
        }, loaded -> {
            saving.set(false);
            activeText.set(loaded.active());
            showVersions(loaded.versions());
            dirty.set(!draft.get().equals(loaded.active()));
            problems.clear();
            message.set(i18n.tr("templates.saved", loaded.versions().get(0).version()));
        }, this::refused);
    }

    /** Makes {@code version}'s text active again (as a new version) and loads it into the editor. */
    public void revert(TemplateVersion version) {
        String key = selectedKey.get();
        Language lang = language.get();
        if (key == null || version == null || saving.get()) {
            return;
        }
        saving.set(true);
        tasks.run(() -> {
            TemplateVersion saved = templates.revert(admin.caller(), key, lang, version.version());
            return new Loaded(saved.text(), templates.versions(key, lang), previewer.placeholders(key), previewer.kind(key));
        }, loaded -> {
            saving.set(false);
            activeText.set(loaded.active());
            showVersions(loaded.versions());
            problems.clear();
            draft.set(loaded.active());
            dirty.set(false);
            message.set(i18n.tr("templates.reverted", version.version()));
        }, this::refused);
    }

    private void refused(Throwable failure) {
        saving.set(false);
        if (failure instanceof TemplateRejected rejected) {
            showProblems(rejected.problems());
            message.set(i18n.tr("templates.refused"));
        } else if (failure instanceof RuleViolation rule) {
            problems.setAll(i18n.tr(rule.messageKey(), rule.args()));
        } else if (failure instanceof AccessDenied denied) {
            message.set(i18n.tr(denied.messageKey(), denied.args()));
        } else {
            log.warn("templates.save.failed", failure);
            message.set(i18n.tr("templates.saveFailed", String.valueOf(failure.getMessage())));
        }
    }

    /** Drops the edits: the active text again. */
    public void discard() {
        draft.set(activeText.get());
    }

    /** The text a placeholder button inserts. */
    public static String token(String placeholder) {
        return "{" + placeholder + "}";
    }

    public ObservableList<String> keys() {
        return keys;
    }

    public ObjectProperty<String> selectedKeyProperty() {
        return selectedKey;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ObservableList<String> placeholders() {
        return placeholders;
    }

    public ReadOnlyObjectProperty<TemplatePreviewer.Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindLabelProperty() {
        return kindLabel.getReadOnlyProperty();
    }
}
