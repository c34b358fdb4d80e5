package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a mutation answered about a submitted form: saved, refused with user errors (each put on
 * the form field its path names), or a conflict with a newer version.
 *
 * <p>An API field path names its form field: {@code ["input", "dueDate"]} is {@code dueDate},
 * {@code ["input", "entries", "0", "rating"]} is {@code entries-0-rating}; a problem with no field
 * is put on {@code fallbackField}, the form's first question. An argument the API refused before
 * running anything (a due date that is not a real day) names its field the same way, in the
 * error's {@code extensions.field}, and lands on that question too.
 */
public final class Submission {

    private final JsonNode payload;
    private final Map<String, String> errors;
    private final boolean conflict;
    private final @Nullable String refusal;

    private Submission(JsonNode payload, Map<String, String> errors, boolean conflict, @Nullable String refusal) {
        this.payload = payload;
        this.errors = errors;
        this.conflict = conflict;
        this.refusal = refusal;
    }

    public static Submission of(PageOperations.Answer answer, String payloadField, String fallbackField) {
        JsonNode payload = answer.data().path(payloadField);
        if (payload.isMissingNode() || payload.isNull()) {
            Map<String, String> refusedArguments = answer.argumentErrors(fallbackField);
            if (!refusedArguments.isEmpty()) {
                return new Submission(payload, refusedArguments, false, null);
            }
            return new Submission(
                    payload, Map.of(), false, answer.errorCode() == null ? "INTERNAL_ERROR" : answer.errorCode());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        boolean conflict = false;
        for (JsonNode error : payload.path("userErrors")) {
            conflict |= "CONFLICT".equals(error.path("code").asText());
            errors.putIfAbsent(
                    fieldOf(error.path("field"), fallbackField),
                    error.path("message").asText());
        }
        return new Submission(payload, Collections.unmodifiableMap(errors), conflict, null);
    }

    /** The form field an API field path names. */
    public static String fieldOf(JsonNode path, String fallbackField) {
        List<String> parts = new ArrayList<>();
        path.forEach(part -> parts.add(part.asText()));
        if (!parts.isEmpty() && parts.getFirst().equals("input")) {
            parts.removeFirst();
        }
        return parts.isEmpty() || parts.equals(List.of("version")) ? fallbackField : String.join("-", parts);
    }

    /** Saved: the payload has no user errors and the operation was not refused. */
    public boolean saved() {
        return refusal == null && errors.isEmpty();
    }

    /** Refused as a whole (not a member, or an internal error): the code, else null. */
    public @Nullable String refusal() {
        return refusal;
    }

    public boolean conflict() {
        return conflict;
    }

    /** Whether the API could not find (or would not show) what the form's {@code field} names: an id of another agency's. */
    public boolean notFound(String field) {
        for (JsonNode error : payload.path("userErrors")) {
            if ("NOT_FOUND".equals(error.path("code").asText())
                    && fieldOf(error.path("field"), "").equals(field)) {
                return true;
            }
        }
        return false;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public JsonNode payload() {
        return payload;
    }
}
