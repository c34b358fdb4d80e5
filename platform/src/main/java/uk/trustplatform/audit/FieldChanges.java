package uk.trustplatform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * An entry's states before and after, as the fields that differ, by name. Nested objects are flattened to
 * a path in words ("Column values › Lead"), a list of plain values reads as one value ("a, b"), a
 * list of objects by position ("Standards › 2 › Title"), and text that holds a JSON object (an
 * action's own columns) as that object.
 */
final class FieldChanges {

    /** What every record's state holds but no reader needs to see change: its keys and its lock. */
    private static final Set<String> BOOKKEEPING = Set.of("id", "tenantId", "version");

    private static final String STEP = " › ";

    private final ObjectMapper json;

    FieldChanges(ObjectMapper json) {
        this.json = json;
    }

    List<FieldChange> between(@Nullable String before, @Nullable String after) {
        Map<String, String> was = flattened(before);
        Map<String, String> is = flattened(after);
        Set<String> fields = new LinkedHashSet<>(is.keySet());
        fields.addAll(was.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            if (!Objects.equals(was.get(field), is.get(field))) {
                changes.add(new FieldChange(field, was.get(field), is.get(field)));
            }
        }
        return List.copyOf(changes);
    }

    private Map<String, String> flattened(@Nullable String state) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (state == null) {
            return fields;
        }
        JsonNode root = read(state);
        if (root == null || !root.isObject()) {
            put(fields, "Value", root);
            return fields;
        }
        inNameOrder(root).stream()
                .filter(field -> !BOOKKEEPING.contains(field.getKey()))
                .forEach(field -> flatten(fields, Words.of(field.getKey()), field.getValue()));
        return fields;
    }

    private void flatten(Map<String, String> fields, String path, JsonNode value) {
        JsonNode nested = value.isTextual() && value.asText().startsWith("{") ? read(value.asText()) : value;
        if (nested != null && nested.isObject()) {
            nested.properties()
                    .forEach(field -> flatten(fields, path + STEP + Words.of(field.getKey()), field.getValue()));
            return;
        }
        if (nested != null && nested.isArray() && hasObjects(nested)) {
            for (int i = 0; i < nested.size(); i++) {
                flatten(fields, path + STEP + (i + 1), nested.get(i));
            }
            return;
        }
        put(fields, path, value);
    }

    /** An object's fields by name: jsonb keeps no order of its own (it sorts keys by length). */
    private static List<Map.Entry<String, JsonNode>> inNameOrder(JsonNode object) {
        return object.properties().stream().sorted(Map.Entry.comparingByKey()).toList();
    }

    private static boolean hasObjects(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(JsonNode::isContainerNode);
    }

    private static void put(Map<String, String> fields, String path, @Nullable JsonNode value) {
        String text = display(value);
        if (text != null) {
            fields.put(path, text);
        }
    }

    /** A plain value as text; null for nothing (null, an empty list or text). */
    private static @Nullable String display(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        if (value.isArray()) {
            String joined = StreamSupport.stream(value.spliterator(), false)
                    .map(FieldChanges::display)
                    .filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            return joined.isEmpty() ? null : joined;
        }
        String text = value.asText();
        return text.isEmpty() ? null : text;
    }

    /** The JSON in the text, or null when it is none (text that only looks like an object). */
    private @Nullable JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
