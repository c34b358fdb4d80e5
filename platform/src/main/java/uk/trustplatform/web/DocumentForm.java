package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one way a configuration document of any kind is edited in the browser: its content input
 * described as questions and lists of rows (standards holding criteria, sections holding
 * outcomes …), each form field named by its path in the API's input so that a user error lands on
 * its field ({@code pledge-commitments-0-text} for {@code input.pledge.commitments.0.text}). A list
 * grows and shrinks by buttons that post the form ("Add another …", "Remove"), so it works without
 * JavaScript; nothing is saved until the person saves.
 *
 * @param input the content's name in the save mutation's input, {@code pledge}; every field name starts with it
 * @param parts the content's questions and lists, in the order the form asks them
 */
public record DocumentForm(String input, List<Part> parts) {

    /** The name of the button that adds a row to the list its value names. */
    public static final String ADD = "_add";

    /** The name of the button that removes the row its value names. */
    public static final String REMOVE = "_remove";

    private static final Pattern MESSAGE = Pattern.compile("^[\\w.]+: (.*?)\\.?$");

    /** How a part is asked. */
    public enum Control {
        TEXT,
        TEXTAREA,
        NUMBER,
        DATE,
        CHOICE,
        /** Rows of the part's own parts; a row of one unnamed part is a list of words (signature fields, aims). */
        LIST,
        /** A few parts kept together, null when all are empty (a strategy's outcome framework). */
        GROUP
    }

    /**
     * A question or a list of the content.
     *
     * @param name its name in the input; empty for the one part of a list of words
     * @param noun for a list, what one row is ("commitment"); for a question, how a sentence names it
     * @param parts a list's or group's own parts
     * @param options a choice's options
     */
    public record Part(
            String name,
            String label,
            @Nullable String hint,
            Control control,
            boolean required,
            String noun,
            List<Part> parts,
            List<Option> options) {

        public static Part text(String name, String label) {
            return new Part(name, label, null, Control.TEXT, true, label, List.of(), List.of());
        }

        public static Part textarea(String name, String label) {
            return new Part(name, label, null, Control.TEXTAREA, true, label, List.of(), List.of());
        }

        public static Part number(String name, String label) {
            return new Part(name, label, null, Control.NUMBER, true, label, List.of(), List.of());
        }

        public static Part date(String name, String label) {
            return new Part(name, label, "For example, 27 3 2027", Control.DATE, true, label, List.of(), List.of());
        }

        public static Part choice(String name, String label, List<Option> options) {
            return new Part(name, label, null, Control.CHOICE, true, label, List.of(), options);
        }

        public static Part list(String name, String label, String noun, Part... row) {
            return new Part(name, label, null, Control.LIST, false, noun, List.of(row), List.of());
        }

        /** A list of single lines (or paragraphs, with {@code control} TEXTAREA), each a string of the input. */
        public static Part words(String name, String label, String noun, Control control) {
            Part word = new Part("", capitalised(noun), null, control, true, noun, List.of(), List.of());
            return new Part(name, label, null, Control.LIST, false, noun, List.of(word), List.of());
        }

        public static Part group(String name, String label, Part... parts) {
            return new Part(name, label, null, Control.GROUP, false, label, List.of(parts), List.of());
        }

        public Part optional() {
            return new Part(name, label, hint, control, false, noun, parts, options);
        }

        public Part hint(String text) {
            return new Part(name, label, text, control, required, noun, parts, options);
        }

        boolean single() {
            return parts.size() == 1 && parts.getFirst().name().isEmpty();
        }
    }

    /** What the form shows: a question, a list of rows, or a group of parts. */
    public sealed interface Piece permits Question, Rows, Group {}

    /** A question: its field, and the answer in words for a page that only shows it ("27 March 2027"). */
    public record Question(Part part, Form.Field field, String shown) implements Piece {

        public String control() {
            return part.control().name();
        }
    }

    /** A list: its rows, and the error of the list as a whole (too few rows). */
    public record Rows(
            String name,
            Part part,
            List<Row> rows,
            @Nullable String error) implements Piece {

        public String addLabel() {
            return "Add another " + part.noun();
        }

        /** A list of words: each row is one field, shown without a heading of its own. */
        public boolean single() {
            return part.single();
        }
    }

    /** A row of a list, numbered from 1. */
    public record Row(String name, String heading, List<Piece> pieces) {}

    public record Group(String name, Part part, List<Piece> pieces) implements Piece {}

    /** The first question's field, where a problem that names no question of the form is put. */
    public String firstField() {
        return input + "-" + parts.getFirst().name();
    }

    /** A saved edition's content (as the page's operation read it) as the form's fields. */
    public Map<String, String> saved(JsonNode content) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten(parts, content, input, fields);
        return fields;
    }

    private static void flatten(List<Part> parts, JsonNode content, String prefix, Map<String, String> fields) {
        for (Part part : parts) {
            String name = named(prefix, part);
            JsonNode value = part.name().isEmpty() ? content : content.path(part.name());
            switch (part.control()) {
                case LIST -> {
                    for (int i = 0; i < value.size(); i++) {
                        flatten(part.parts(), value.get(i), name + "-" + i, fields);
                    }
                }
                case GROUP -> flatten(part.parts(), value, name, fields);
                case DATE -> fields.putAll(DateFields.of(name, value.isTextual() ? value.asText() : null));
                default -> fields.put(name, value.isValueNode() && !value.isNull() ? value.asText() : "");
            }
        }
    }

    /** The content input the form's fields make, as typed: the API alone decides what is wrong with it. */
    public Map<String, Object> content(Form form) {
        return object(parts, form, input);
    }

    private static Map<String, Object> object(List<Part> parts, Form form, String prefix) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (Part part : parts) {
            content.put(part.name(), value(part, form, named(prefix, part)));
        }
        return content;
    }

    private static @Nullable Object value(Part part, Form form, String name) {
        return switch (part.control()) {
            case LIST -> {
                List<Object> rows = new ArrayList<>();
                for (int i = 0; i < rows(form, name); i++) {
                    String row = name + "-" + i;
                    rows.add(
                            part.single()
                                    ? value(part.parts().getFirst(), form, row)
                                    : object(part.parts(), form, row));
                }
                yield rows;
            }
            case GROUP -> {
                Map<String, Object> group = object(part.parts(), form, name);
                boolean empty = group.values().stream()
                        .allMatch(value -> value == null || value instanceof List<?> list && list.isEmpty());
                yield empty ? null : group;
            }
            case DATE -> DateFields.iso(form, name);
            case NUMBER -> {
                String typed = form.value(name).strip();
                if (typed.isEmpty()) {
                    yield part.required() ? typed : null;
                }
                // Not a whole number is sent as typed, for the API to refuse naming the field.
                yield typed.matches("-?\\d{1,9}") ? (Object) Integer.parseInt(typed) : typed;
            }
            default -> {
                String typed = form.value(name);
                yield typed.isBlank() && !part.required() ? null : typed;
            }
        };
    }

    /** How many rows the form has of the list named so: one more than the highest row number typed. */
    static int rows(Form form, String list) {
        Pattern row = Pattern.compile(Pattern.quote(list) + "-(\\d+)(?:-.*)?");
        int count = 0;
        for (String field : form.values().keySet()) {
            Matcher matched = row.matcher(field);
            if (matched.matches()) {
                count = Math.max(count, Integer.parseInt(matched.group(1)) + 1);
            }
        }
        return count;
    }

    /** Whether the form was posted by an "Add another" or "Remove" button rather than to be saved. */
    public static boolean changesRows(Form form) {
        return !form.value(ADD).isEmpty() || !form.value(REMOVE).isEmpty();
    }

    /** The form with the row its button asked for added (empty) or removed, the rows after it renumbered. */
    public Form rowsChanged(Form form) {
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        values.remove(ADD);
        values.remove(REMOVE);
        String added = form.value(ADD);
        Part list = added.isEmpty() ? null : find(added);
        if (list != null && list.control() == Control.LIST) {
            String row = added + "-" + rows(form, added);
            list.parts().forEach(part -> blank(part, named(row, part), values));
        }
        Matcher removed = Pattern.compile("(.+)-(\\d+)").matcher(form.value(REMOVE));
        if (removed.matches() && find(removed.group(1)) != null) {
            return new Form(renumbered(values, removed.group(1), Integer.parseInt(removed.group(2))), Map.of());
        }
        return new Form(values, Map.of());
    }

    private static void blank(Part part, String name, Map<String, List<String>> values) {
        switch (part.control()) {
            case LIST -> {}
            case GROUP -> part.parts().forEach(inner -> blank(inner, named(name, inner), values));
            case DATE -> List.of("-day", "-month", "-year").forEach(end -> values.put(name + end, List.of("")));
            default -> values.put(name, List.of(""));
        }
    }

    private static Map<String, List<String>> renumbered(Map<String, List<String>> values, String list, int gone) {
        Pattern row = Pattern.compile(Pattern.quote(list) + "-(\\d+)((?:-.*)?)");
        Map<String, List<String>> kept = new LinkedHashMap<>();
        values.forEach((field, value) -> {
            Matcher matched = row.matcher(field);
            if (!matched.matches()) {
                kept.put(field, value);
                return;
            }
            int number = Integer.parseInt(matched.group(1));
            if (number != gone) {
                kept.put(list + "-" + (number > gone ? number - 1 : number) + matched.group(2), value);
            }
        });
        return kept;
    }

    /** The part a form field (or list) name names, its row numbers skipped; null for none of the form's. */
    @Nullable
    Part find(String field) {
        if (!field.startsWith(input + "-")) {
            return null;
        }
        List<Part> within = parts;
        Part found = null;
        for (String segment : field.substring(input.length() + 1).split("-")) {
            if (segment.matches("\\d+") && found != null && found.control() == Control.LIST) {
                if (found.single()) {
                    found = found.parts().getFirst();
                }
                continue;
            }
            found = within.stream()
                    .filter(part -> part.name().equals(segment))
                    .findFirst()
                    .orElse(null);
            if (found == null) {
                return null;
            }
            within = found.parts();
        }
        return found;
    }

    /** How a sentence names a form field: "commitment 2: what the partner commits to". */
    String question(String field) {
        List<String> words = new ArrayList<>();
        List<Part> within = parts;
        Part current = null;
        for (String segment : field.substring(input.length() + 1).split("-")) {
            if (segment.matches("\\d+") && current != null) {
                words.add(current.noun() + " " + (Integer.parseInt(segment) + 1));
                if (current.single()) {
                    return String.join(", ", words);
                }
                continue;
            }
            current = within.stream()
                    .filter(part -> part.name().equals(segment))
                    .findFirst()
                    .orElse(null);
            if (current == null) {
                break;
            }
            if (current.control() != Control.LIST && current.control() != Control.GROUP) {
                words.add(current.label().toLowerCase(Locale.UK));
            }
            within = current.parts();
        }
        return String.join(", ", words);
    }

    /**
     * The API's refusals, each on its field in the Design System's words ("Commitment 2, standard
     * must not be empty"); a refusal of no question of the form is put on the first question.
     */
    public Map<String, String> errors(Map<String, String> refused) {
        Map<String, String> worded = new LinkedHashMap<>();
        refused.forEach((field, message) -> {
            Part part = find(field);
            if (part == null) {
                worded.merge(firstField(), message, (one, other) -> one + " " + other);
                return;
            }
            Matcher rule = MESSAGE.matcher(message);
            String said = rule.matches() ? question(field) + " " + rule.group(1) : message;
            worded.putIfAbsent(field, capitalised(said));
        });
        return worded;
    }

    /** The form's questions and lists as the page shows them, each with what was typed and what was wrong. */
    public List<Piece> pieces(Form form) {
        return pieces(parts, form, input);
    }

    private static List<Piece> pieces(List<Part> parts, Form form, String prefix) {
        List<Piece> pieces = new ArrayList<>();
        for (Part part : parts) {
            String name = named(prefix, part);
            pieces.add(
                    switch (part.control()) {
                        case LIST -> {
                            List<Row> rows = new ArrayList<>();
                            for (int i = 0; i < rows(form, name); i++) {
                                String row = name + "-" + i;
                                String heading = capitalised(part.noun()) + " " + (i + 1);
                                List<Piece> inner = part.single()
                                        ? List.of(question(part.parts().getFirst(), form, row, heading))
                                        : pieces(part.parts(), form, row);
                                rows.add(new Row(row, heading, inner));
                            }
                            yield new Rows(name, part, List.copyOf(rows), form.error(name));
                        }
                        case GROUP -> new Group(name, part, pieces(part.parts(), form, name));
                        default -> question(part, form, name, part.label());
                    });
        }
        return List.copyOf(pieces);
    }

    private static Question question(Part part, Form form, String name, String label) {
        Form.Field field = form.field(name, label, part.hint());
        String shown = switch (part.control()) {
            case DATE -> {
                String day = DateFields.iso(form, name);
                // What was typed may be no real day; only a saved one is shown in words.
                yield day == null || !day.matches("\\d{4}-\\d{2}-\\d{2}")
                        ? DateFields.typed(form, name)
                        : realDay(day, form, name);
            }
            case CHOICE ->
                part.options().stream()
                        .filter(option -> option.value().equals(field.value()))
                        .map(Option::label)
                        .findFirst()
                        .orElse(field.value());
            default -> field.value();
        };
        return new Question(part, field, shown);
    }

    /** Every question whose saved answer differs from the one typed, for a conflict: theirs beside yours. */
    public List<Conflict.Row> differences(Map<String, String> theirs, Form yours) {
        List<Conflict.Row> rows = new ArrayList<>();
        Map<String, String> typed = new LinkedHashMap<>();
        yours.values().forEach((field, value) -> {
            if (find(field) != null || field.matches(".*-(day|month|year)")) {
                typed.put(field, yours.value(field));
            }
        });
        Set<String> fields = new LinkedHashSet<>(theirs.keySet());
        fields.addAll(typed.keySet());
        for (String field : fields) {
            String their = Objects.requireNonNullElse(theirs.get(field), "");
            String your = Objects.requireNonNullElse(typed.get(field), "");
            if (!their.strip().equals(your.strip()) && find(field.replaceAll("-(day|month|year)$", "")) != null) {
                rows.add(new Conflict.Row(
                        capitalised(question(field.replaceAll("-(day|month|year)$", ""))),
                        their.isBlank() ? "Not given" : their,
                        your.isBlank() ? "Not given" : your));
            }
        }
        return List.copyOf(rows);
    }

    private static String realDay(String iso, Form form, String name) {
        try {
            return Dates.day(iso);
        } catch (java.time.format.DateTimeParseException notADay) {
            return DateFields.typed(form, name);
        }
    }

    private static String named(String prefix, Part part) {
        return part.name().isEmpty() ? prefix : prefix + "-" + part.name();
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
