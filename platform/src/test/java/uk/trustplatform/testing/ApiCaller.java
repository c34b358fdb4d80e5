package uk.trustplatform.testing;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.Role;

/** Calls a running platform over real HTTP, the way a partner system would. */
public final class ApiCaller {

    /** Writes JSON as ASCII, so that any text (a lone surrogate too) arrives as sent, escaped, not mangled by UTF-8. */
    private static final ObjectMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final URI base;
    private final List<Map.Entry<String, String>> headers;
    private final HttpClient http;

    public ApiCaller(EmbeddedServer server) {
        this(server.getURI(), List.of(), HTTP);
    }

    private ApiCaller(URI base, List<Map.Entry<String, String>> headers, HttpClient http) {
        this.base = base;
        this.headers = headers;
        this.http = http;
    }

    /**
     * The same caller, connecting from another loopback address (127.0.0.2 …: Linux answers the
     * whole of 127/8), as another client would for the platform's per-address rate limits.
     */
    public ApiCaller fromAddress(String loopback) {
        try {
            return new ApiCaller(
                    base,
                    headers,
                    HttpClient.newBuilder()
                            .localAddress(java.net.InetAddress.getByName(loopback))
                            .build());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(loopback, e);
        }
    }

    /** The same caller, sending this bearer token. */
    public ApiCaller withToken(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /**
     * A member of a tenant with one role, signed by the test identity provider; partner roles are
     * bound to {@code partner}.
     */
    public static ApiCaller member(EmbeddedServer server, String subject, Role role, String tenant, UUID partner) {
        TestIdentityProvider.Token token =
                TestIdentityProvider.token(subject + "-" + tenant).roles(role).organisations(tenant);
        if (partner != null) {
            token.partnerOrganisation(partner);
        }
        return new ApiCaller(server).withToken(token.sign());
    }

    /** The same caller, naming a tenant with the X-Trust-Tenant header. */
    public ApiCaller inTenant(String slug) {
        return withHeader("X-Trust-Tenant", slug);
    }

    public ApiCaller withHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.removeIf(header -> header.getKey().equalsIgnoreCase(name));
        more.add(Map.entry(name, value));
        return new ApiCaller(base, List.copyOf(more), http);
    }

    /** The same caller, sending one more value of a header it may already send, as a confused or hostile client might. */
    public ApiCaller withAnotherHeader(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new ApiCaller(base, List.copyOf(more), http);
    }

    /** A reply: status, headers and the parsed JSON body (null when the body is not JSON). */
    public record Reply(int status, HttpHeaders headers, JsonNode body, String text) {

        public JsonNode data() {
            return body.path("data");
        }

        public JsonNode firstError() {
            return body.path("errors").path(0);
        }

        public String errorCode() {
            return firstError().path("extensions").path("code").asText();
        }
    }

    /** A mutation's payload, failing loudly when the API refused it or reported user errors. */
    public JsonNode mutate(String mutation, String inputType, Map<String, Object> input, String selection) {
        Reply reply = query(
                "mutation ($input: " + inputType + "!) { " + mutation + "(input: $input) { " + selection
                        + " userErrors { field message code } } }",
                Map.of("input", input));
        JsonNode payload = reply.data().path(mutation);
        if (payload.isMissingNode()
                || payload.isNull()
                || !payload.path("userErrors").isEmpty()) {
            throw new IllegalStateException(mutation + " was refused: " + reply.text());
        }
        return payload;
    }

    public Reply query(String query) {
        return query(query, Map.of());
    }

    public Reply query(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return postJson(write(body));
    }

    public Reply postJson(String body) {
        return post("application/json", body);
    }

    public Reply post(String contentType, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve("/graphql")).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A POST with a chosen correlation id, as a gateway in front of the platform would send. */
    public Reply send(String path, String contentType, String body, String correlationId) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    public Reply get(String path, Map<String, String> parameters) {
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (var parameter : parameters.entrySet()) {
            uri.append(separator)
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return send(HttpRequest.newBuilder(base.resolve(uri.toString())).GET().build());
    }

    private Reply send(HttpRequest request) {
        HttpRequest.Builder withHeaders = HttpRequest.newBuilder(request, (name, value) -> true);
        headers.forEach(header -> withHeaders.header(header.getKey(), header.getValue()));
        try {
            HttpResponse<String> response = http.send(withHeaders.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), parse(response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
