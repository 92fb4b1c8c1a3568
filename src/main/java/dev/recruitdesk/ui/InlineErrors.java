package dev.recruitdesk.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A form's inline errors by field name, each empty when there is none; {@value #FORM} is the line for what belongs
 * to no one field. The view shows each with {@link FieldErrors#show}.
 */
public final class InlineErrors {

    public static final String FORM = "form";

    private final Map<String, ReadOnlyStringWrapper> texts = new LinkedHashMap<>();

    /** @param fields the form's field names, {@value #FORM} among them */
    public InlineErrors(String... fields) {
        for (String field : fields) {
            texts.put(field, new ReadOnlyStringWrapper(""));
        }
    }

    public void set(String field, String text) {
        wrapper(field).set(text);
    }

    public boolean has(String field) {
        return texts.containsKey(field);
    }

    /** Where a service's error about {@code field} shows: at that field when the form has it, else on the form line. */
    public String fieldOrForm(String field) {
        return field.isEmpty() || !has(field) ? FORM : field;
    }

    public void clear() {
        texts.values().forEach(e -> e.set(""));
    }

    /** @throws IllegalArgumentException for a field the form does not have */
    public ReadOnlyStringProperty property(String field) {
        return wrapper(field).getReadOnlyProperty();
    }

    private ReadOnlyStringWrapper wrapper(String field) {
        ReadOnlyStringWrapper text = texts.get(field);
        if (text == null) {
            throw new IllegalArgumentException("No field " + field);
        }
        return text;
    }
}
