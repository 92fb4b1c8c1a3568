package dev.recruitdesk.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * The inline error under a form field: the label shows the view model's error text, and only takes room in the
 * layout while there is one, so a valid form does not keep blank gaps between its fields.
 */
public final class FieldErrors {

    /** The {@code invalid} style class (red border in app.css) that marks a field while its error shows. */
    private static final String INVALID = "invalid";

    private FieldErrors() {
    }

    /** An error that belongs to no single field (a form-level or load error). */
    public static void show(Label label, ObservableStringValue error) {
        label.textProperty().bind(error);
        showOnlyWhen(label, Bindings.isNotEmpty(error));
    }

    /** An error of {@code field}: as {@link #show(Label, ObservableStringValue)}, and the field is marked {@code invalid} meanwhile. */
    public static void show(Label label, Node field, ObservableStringValue error) {
        show(label, error);
        error.addListener((obs, old, now) -> {
            field.getStyleClass().remove(INVALID);
            if (now != null && !now.isEmpty()) {
                field.getStyleClass().add(INVALID);
            }
        });
    }

    /** Visible and managed together: a hidden node leaves no gap in its pane. */
    public static void showOnlyWhen(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(node.visibleProperty());
    }
}
