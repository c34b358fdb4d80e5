package uk.trustplatform.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed into a form, and what was wrong with it: the values are shown again as they
 * were typed (nothing is lost on a refused submit), the errors flow into the error summary and
 * onto their fields.
 *
 * @param values every submitted value by field name (several for checkboxes)
 * @param errors the message for each field that was refused, in the order they are listed
 */
public record Form(Map<String, List<String>> values, Map<String, String> errors) {

    /** One entry of the error summary: the message and the field it links to. */
    public record ErrorLink(String fieldId, String message) {}

    public static Form empty() {
        return new Form(Map.of(), Map.of());
    }

    /** A form filled in with what is saved, for editing. */
    public static Form of(Map<String, String> saved) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        saved.forEach((name, value) -> values.put(name, value == null ? List.of() : List.of(value)));
        return new Form(values, Map.of());
    }

    public Form withErrors(Map<String, String> refused) {
        // Map.copyOf would lose the order: the error summary lists the errors as given.
        return new Form(values, Collections.unmodifiableMap(new LinkedHashMap<>(refused)));
    }

    public String value(String name) {
        List<String> given = values.get(name);
        return given == null || given.isEmpty() ? "" : given.getFirst();
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public @Nullable String error(String name) {
        return errors.get(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<ErrorLink> summary() {
        List<ErrorLink> links = new ArrayList<>();
        errors.forEach((name, message) -> links.add(new ErrorLink(name, message)));
        return links;
    }

    /** A question of the form: its field name, label and hint, with what was typed and what was wrong. */
    public Field field(String name, String label, @Nullable String hint) {
        return new Field(name, label, hint, value(name), error(name));
    }

    public record Field(
            String name,
            String label,
            @Nullable String hint,
            String value,
            @Nullable String error) {

        /** The ids of the hint and error the field's input is described by, or null for none. */
        public @Nullable String describedBy() {
            String ids = ((hint == null ? "" : name + "-hint ") + (error == null ? "" : name + "-error")).strip();
            return ids.isEmpty() ? null : ids;
        }
    }
}
