package uk.trustplatform.configuration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Turns document content into JSON for storage and back, and API input or YAML into content.
 * Unknown fields are refused: a typo in a definition is an error, not silently dropped text.
 */
@Singleton
final class DocumentCodec {

    private final ObjectMapper json = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    String write(DocumentContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Document content could not be written as JSON", e);
        }
    }

    DocumentContent read(DocumentKind kind, String stored) {
        try {
            return json.readValue(stored, kind.content());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + kind + " document is not readable", e);
        }
    }

    DocumentView view(DocumentRecord record) {
        return new DocumentView(record, read(record.kind(), record.content()));
    }

    /** Content from API input (a map) or a definition (a YAML tree). */
    <T extends DocumentContent> T from(Object input, Class<T> type) {
        return input instanceof JsonNode node ? treeToValue(node, type) : json.convertValue(input, type);
    }

    private <T> T treeToValue(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (InvalidFormatException notADay) {
            if (notADay.getTargetType() != LocalDate.class) {
                throw new IllegalArgumentException(notADay.getOriginalMessage(), notADay);
            }
            throw new Unreadable(
                    notADay.getPath().stream()
                            .map(step ->
                                    step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex()))
                            .toList(),
                    notADay.getValue() + " is not a day; write a real date as YYYY-MM-DD.");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /**
     * A definition's value that does not read as its field's type, where it is (below the
     * document) and what is wrong with it: a YAML date reaches no Date scalar, and Jackson's own
     * words name Java classes.
     */
    static final class Unreadable extends IllegalArgumentException {

        private final transient List<String> path;

        Unreadable(List<String> path, String rule) {
            super(rule);
            this.path = List.copyOf(path);
        }

        List<String> path() {
            return path;
        }
    }

    /** A plain map of the content, for audit entries. */
    Map<String, Object> asMap(DocumentContent content) {
        return json.convertValue(
                content, json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }
}
