package uk.trustplatform.api;

import graphql.schema.DataFetchingEnvironment;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An input object's fields as graphql-java hands them over, read by type at the GraphQL edge so a
 * mutation's command record is built in one place and the use cases never cast. graphql-java has
 * already checked each value against the schema's input type, so a value's Java type follows from
 * the field's GraphQL type (ID and String are strings, Int a number, Date a {@link LocalDate}); a
 * field left out or sent as null reads as null, and the use case says whether that is allowed.
 */
public final class InputFields {

    private final Map<String, Object> values;

    private InputFields(Map<String, Object> values) {
        this.values = values;
    }

    /** The mutation's {@code input} argument. */
    public static InputFields input(DataFetchingEnvironment env) {
        return of(env.getArgument("input"));
    }

    /** An input object nested in another, or a null one as no fields. */
    public static InputFields of(@Nullable Map<String, Object> values) {
        return new InputFields(values == null ? Map.of() : values);
    }

    /** Whether the field was sent (null or not), for inputs where leaving one out keeps what is there. */
    public boolean has(String field) {
        return values.containsKey(field);
    }

    public @Nullable String string(String field) {
        return (String) values.get(field);
    }

    /** A field the schema requires ({@code !}): graphql-java refuses an input without it before any fetcher runs. */
    public String requiredString(String field) {
        return Objects.requireNonNull(string(field), field);
    }

    /** A number the schema requires ({@code Int!}), checked as {@link #requiredString} is. */
    public int requiredInteger(String field) {
        return Objects.requireNonNull(integer(field), field);
    }

    public @Nullable Integer integer(String field) {
        Object value = values.get(field);
        return value == null ? null : ((Number) value).intValue();
    }

    /**
     * A version the client read, or -1 when it sent none, so that a missing version is refused as
     * a conflict with the current one like any stale version.
     */
    public long version(String field) {
        Object value = values.get(field);
        return value == null ? -1 : ((Number) value).longValue();
    }

    public @Nullable Boolean bool(String field) {
        return (Boolean) values.get(field);
    }

    public @Nullable LocalDate date(String field) {
        return (LocalDate) values.get(field);
    }

    /** A list of IDs, strings or enum values; an absent list is empty. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String field) {
        @Nullable List<String> list = (List<String>) values.get(field);
        return list == null ? List.of() : list;
    }

    /** A nested input object. */
    @SuppressWarnings("unchecked")
    public InputFields object(String field) {
        return of((Map<String, Object>) values.get(field));
    }

    /** A list of nested input objects; an absent list is empty. */
    @SuppressWarnings("unchecked")
    public List<InputFields> objects(String field) {
        @Nullable List<Map<String, Object>> list = (List<Map<String, Object>>) values.get(field);
        return list == null ? List.of() : list.stream().map(InputFields::of).toList();
    }

    /**
     * A field as graphql-java handed it over, for a value converted whole (a configuration
     * document's content, by Jackson) rather than read field by field.
     */
    public @Nullable Object value(String field) {
        return values.get(field);
    }
}
