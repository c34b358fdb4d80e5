package uk.trustplatform.api;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Date} scalar: a day written as 2026-12-01. Only real days of the years
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR} are dates; a lenient parser would quietly make
 * 2026-02-30 the 28th and store year 99999. Any other text is read as a {@link NotADate}, which
 * {@link ArgumentRules} refuses before execution, naming the argument: the scalar alone cannot
 * say which field of an input object the text was given for.
 */
final class DateScalar {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2999;
    static final String RULE =
            "must be a real date, such as 2026-12-01, in the years " + FIRST_YEAR + " to " + LAST_YEAR;

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static final GraphQLScalarType DATE = GraphQLScalarType.newScalar()
            .name(SchemaTypes.DATE)
            .description("A day, written as in ISO 8601: 2026-12-01.")
            .coercing(new Rule())
            .build();

    /** A text given as a Date that is not one. */
    record NotADate(String text) {}

    private DateScalar() {}

    /** The day the text names, if it is a real one in the years the platform keeps. */
    static Optional<LocalDate> read(String text) {
        if (!SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            // ISO_LOCAL_DATE resolves strictly: the 30th of February is an error, not the 28th.
            LocalDate day = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR ? Optional.of(day) : Optional.empty();
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static Object fromText(String text) {
        return read(text).<Object>map(day -> day).orElseGet(() -> new NotADate(text));
    }

    private static final class Rule implements Coercing<Object, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof TemporalAccessor day) {
                return DateTimeFormatter.ISO_LOCAL_DATE.format(day);
            }
            if (value instanceof String text && read(text).isPresent()) {
                return text;
            }
            throw new CoercingSerializeException("A Date field's value is not a day.");
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                return fromText(text);
            }
            throw new CoercingParseValueException("A Date must be given as text, such as \"2026-12-01\".");
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                return fromText(text.getValue());
            }
            throw new CoercingParseLiteralException("A Date must be given as text, such as \"2026-12-01\".");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }
    }
}
