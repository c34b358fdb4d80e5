package uk.trustplatform.inspections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;

/** Reads and writes an inspection's JSON lists: its young inspectors, their answers, their recommendations. */
@Singleton
final class InspectionLists {

    /**
     * A young inspector, by first or chosen name and the label of one of the tenant's age bands:
     * either may be missing only in what a caller sends, which the check refuses.
     */
    record YoungInspector(@Nullable String name, @Nullable String ageBand) {}

    /**
     * An answer to one of the tenant's inspection questions.
     *
     * @param question the question's code; missing only in what a caller sends, which the check refuses
     * @param questionText the question as it was worded when answered; null in what a caller sends, until worded
     * @param answer the young inspectors' answer; missing only in what a caller sends
     */
    record Answer(
            @Nullable String question,
            @Nullable String questionText,
            @Nullable String answer) {}

    /** A recommendation, numbered from 1, and the service's response to it once given. */
    record Recommendation(
            int number,
            String text,
            @Nullable String response,
            @Nullable LocalDate respondedOn) {

        boolean responded() {
            return respondedOn != null;
        }

        Recommendation respond(String words, LocalDate on) {
            return new Recommendation(number, text, words, on);
        }
    }

    private static final TypeReference<List<YoungInspector>> INSPECTORS = new TypeReference<>() {};
    private static final TypeReference<List<Answer>> ANSWERS = new TypeReference<>() {};
    private static final TypeReference<List<Recommendation>> RECOMMENDATIONS = new TypeReference<>() {};

    private final ObjectMapper json;

    InspectionLists(ObjectMapper json) {
        this.json = json;
    }

    List<YoungInspector> inspectors(Inspection inspection) {
        return read(inspection.inspectors(), INSPECTORS);
    }

    List<Answer> answers(Inspection inspection) {
        return read(inspection.answers(), ANSWERS);
    }

    List<Recommendation> recommendations(Inspection inspection) {
        return read(inspection.recommendations(), RECOMMENDATIONS);
    }

    String write(List<?> list) {
        try {
            return json.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An inspection's list could not be written as JSON", e);
        }
    }

    private <T> List<T> read(String stored, TypeReference<List<T>> type) {
        try {
            return json.readValue(stored, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An inspection's stored list is not JSON", e);
        }
    }
}
