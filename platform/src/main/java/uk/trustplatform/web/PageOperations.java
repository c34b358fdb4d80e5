package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ClientAddresses;
import uk.trustplatform.api.CorrelationIdFilter;
import uk.trustplatform.api.DatabaseUnreachable;
import uk.trustplatform.api.GraphQLExecutor;
import uk.trustplatform.api.GraphQLRequest;
import uk.trustplatform.api.GraphQLResponse;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.TimeLimitExceeded;

/**
 * Runs a page's named GraphQL operation, kept as a {@code .graphql} file beside its template, as
 * the person looking at the page: the same executor, schema and permissions as any API client, so
 * a page can show or change nothing its visitor could not reach over the API.
 */
@Singleton
public final class PageOperations {

    private static final Pattern NAMED = Pattern.compile("^\\s*(?:query|mutation)\\s+(\\w+)", Pattern.MULTILINE);

    private final GraphQLExecutor executor;
    private final ObjectMapper json;
    private final ClientAddresses addresses;
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    private record Operation(String name, String document) {}

    PageOperations(GraphQLExecutor executor, ObjectMapper json, ClientAddresses addresses) {
        this.executor = executor;
        this.json = json;
        this.addresses = addresses;
    }

    /**
     * @param file the operation's file under {@code src/main/jte}, without {@code .graphql}, for
     *     example {@code pages/tenantHome}
     */
    public Answer run(String file, Map<String, Object> variables, Caller caller, HttpRequest<?> request) {
        Operation operation = operations.computeIfAbsent(file, PageOperations::load);
        GraphQLResponse response = executor.execute(
                new GraphQLRequest(operation.document(), operation.name(), variables),
                new RequestContext(
                        CorrelationIdFilter.of(request), request.getMethod(), caller, addresses.of(request)));
        Answer answer = new Answer(json.valueToTree(response.body()), json);
        // No page can be shown from part of its data: the visitor gets the retryable 503 page.
        if (answer.errors().stream().anyMatch(error -> answered(error, "UNAVAILABLE"))) {
            throw new DatabaseUnreachable();
        }
        if (answer.errors().stream().anyMatch(error -> answered(error, "TIME_LIMIT_EXCEEDED"))) {
            throw new TimeLimitExceeded(
                    answer.errors().getFirst().path("message").asText());
        }
        return answer;
    }

    private static boolean answered(JsonNode error, String code) {
        return code.equals(error.path("extensions").path("code").asText());
    }

    private static Operation load(String file) {
        String path = "/web/" + file + ".graphql";
        try (InputStream in = PageOperations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No page operation at " + path);
            }
            String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher named = NAMED.matcher(document);
            if (!named.find()) {
                throw new IllegalStateException("The page operation in " + path + " has no name");
            }
            return new Operation(named.group(1), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the operation answered: its data, and the errors of the fields it could not answer. */
    public static final class Answer {

        private final JsonNode body;
        private final ObjectMapper json;

        Answer(JsonNode body, ObjectMapper json) {
            this.body = body;
            this.json = json;
        }

        public JsonNode data() {
            return body.path("data");
        }

        /**
         * A field of the data as a page's view model; null when the field is null or absent.
         *
         * @param field a field of the data, or a JSON pointer into it ({@code /viewer/partnerOrganisation})
         */
        public <T> @Nullable T as(String field, Class<T> type) {
            JsonNode value = field.startsWith("/") ? data().at(field) : data().path(field);
            return value.isMissingNode() || value.isNull() ? null : json.convertValue(value, type);
        }

        /** Any part of the data as a view model. */
        public <T> T convert(JsonNode part, Class<T> type) {
            return json.convertValue(part, type);
        }

        /** A list field of the data, each item as a view model; empty when the field is null. */
        public <T> List<T> list(String field, Class<T> type) {
            return data().path(field)
                    .valueStream()
                    .map(item -> json.convertValue(item, type))
                    .toList();
        }

        /** Every error of the answer, in the order the API gave them; empty when there were none. */
        public List<JsonNode> errors() {
            return body.path("errors").valueStream().toList();
        }

        /** The first error's code, or null when every field was answered. */
        public @Nullable String errorCode() {
            JsonNode code = body.path("errors").path(0).path("extensions").path("code");
            return code.isMissingNode() ? null : code.asText();
        }

        /**
         * The arguments the API refused before running the operation ({@code BAD_USER_INPUT} with
         * the argument's path in {@code extensions.field}), by form field as {@link
         * Submission#fieldOf} names them; empty when there were none.
         */
        public Map<String, String> argumentErrors(String fallbackField) {
            Map<String, String> refused = new LinkedHashMap<>();
            for (JsonNode error : body.path("errors")) {
                JsonNode field = error.path("extensions").path("field");
                if ("BAD_USER_INPUT"
                                .equals(error.path("extensions").path("code").asText())
                        && field.isArray()) {
                    refused.putIfAbsent(
                            Submission.fieldOf(field, fallbackField),
                            error.path("message").asText());
                }
            }
            return refused;
        }

        /** The first error's correlation id, for an internal error's page. */
        public String correlationId() {
            return body.path("errors")
                    .path(0)
                    .path("extensions")
                    .path("correlationId")
                    .asText(null);
        }
    }
}
