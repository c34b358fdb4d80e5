package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.isolation.MalformedRequests.Malformed;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantSnapshot;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Requests that are invalid whoever sends them, generated from every query and mutation of the
 * operation catalogue, every list of the schema and the HTTP request itself, sent as the tenant's
 * admin, a partner lead and anonymously. Every reply is a refusal the README documents: never a
 * 5xx, never INTERNAL_ERROR, only the documented codes, no SQL, class name or stack frame; and
 * nothing of the tenant is written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputFuzzIT implements TestPropertyProvider {

    /** The codes of the README's "The API over HTTP", and the identity provider's failure. */
    private static final Set<String> DOCUMENTED_CODES = Set.of(
            "BAD_REQUEST",
            "BAD_USER_INPUT",
            "UNAUTHENTICATED",
            "FORBIDDEN",
            "GRAPHQL_PARSE_FAILED",
            "GRAPHQL_VALIDATION_FAILED",
            "LIMIT_EXCEEDED",
            "INTROSPECTION_DISABLED",
            "METHOD_NOT_ALLOWED",
            "UNSUPPORTED_MEDIA_TYPE",
            "IDENTITY_PROVIDER_FAILED");

    /** What only an internal failure shows: SQL, a Java class name, a stack frame. */
    private static final List<String> INTERNALS = List.of("ERROR:", "SQL", "java.", "Exception", "\tat ");

    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final Map<String, Integer> REPLIES = new TreeMap<>();

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    @Inject
    EmbeddedServer server;

    @TestFactory
    List<DynamicTest> no_malformed_request_fails_inside_the_platform_or_writes_anything() {
        ApiCaller api = new ApiCaller(server);
        World world = World.create(api, "fuzz");
        Map<String, ApiCaller> callers = new LinkedHashMap<>();
        callers.put("the tenant admin", world.as(api, Persona.TENANT_ADMIN));
        callers.put("a partner lead", world.as(api, Persona.PARTNER_LEAD));
        callers.put("anonymous", world.as(api, Persona.ANONYMOUS));
        // Aiming some calls at the world writes first (a person made for a call that removes one):
        // every request is made before the snapshot is taken.
        Map<String, List<Malformed>> requests = new LinkedHashMap<>();
        for (Operation operation : OperationCatalogue.all()) {
            Request aimed = operation.request().apply(world);
            if (aimed.path() == null) {
                requests.put(operation.name(), MalformedRequests.of(aimed.query(), aimed.variables()));
            }
        }
        requests.put("every list's cursors", MalformedRequests.cursors(issuedCursors(world.admin())));
        requests.put(
                "the request itself",
                MalformedRequests.requestLevel(
                        world.tenant().slug(), "another-tenant", world.pledges().listedBadge()));
        String before = TenantSnapshot.of(world.tenant().id());

        List<DynamicTest> cases = new ArrayList<>();
        requests.forEach((target, malformed) -> callers.forEach((who, caller) -> cases.add(DynamicTest.dynamicTest(
                malformed.size() + " malformed requests of " + target + " as " + who,
                () -> SoftAssertions.assertSoftly(
                        softly -> malformed.forEach(request -> check(request, caller, softly)))))));
        cases.add(DynamicTest.dynamicTest(
                "nothing of the tenant was written",
                () -> assertThat(TenantSnapshot.of(world.tenant().id())).isEqualTo(before)));
        return cases;
    }

    /** A cursor each list issued, read as the tenant admin, who reaches a row in each. */
    private static Map<String, String> issuedCursors(ApiCaller admin) {
        Map<String, String> cursors = new LinkedHashMap<>();
        for (String list : ConnectionFields.all()) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("after", null);
            JsonNode cursor = admin.query(ConnectionFields.oneRow(list), first)
                    .data()
                    .path(list)
                    .path("edges")
                    .path(0)
                    .path("cursor");
            assertThat(cursor.isTextual()).as("the world has a row in " + list).isTrue();
            cursors.put(list, cursor.asText());
        }
        return cursors;
    }

    /** Sends one request and checks its reply, softly: every bad reply of a group is reported, not only the first. */
    private static void check(Malformed request, ApiCaller caller, SoftAssertions softly) {
        Reply reply = request.send().apply(caller);
        String what = request.description() + " -> " + MalformedRequests.shown(reply.text(), 500);
        Set<String> codes = new TreeSet<>();
        if (reply.body() != null) {
            reply.body()
                    .path("errors")
                    .forEach(error ->
                            codes.add(error.path("extensions").path("code").asText("(none)")));
        }
        record(reply.status(), codes);

        softly.assertThat(reply.status()).as(what).isLessThan(500);
        softly.assertThat(codes).as(what).doesNotContain("INTERNAL_ERROR").isSubsetOf(DOCUMENTED_CODES);
        for (String internal : INTERNALS) {
            softly.assertThat(reply.text()).as(what).doesNotContain(internal);
        }
    }

    private static synchronized void record(int status, Set<String> codes) {
        REQUESTS.incrementAndGet();
        REPLIES.merge(status + " " + (codes.isEmpty() ? "(no error code)" : String.join(", ", codes)), 1, Integer::sum);
    }

    @AfterAll
    static void report() {
        StringBuilder table = new StringBuilder();
        REPLIES.forEach((reply, count) -> table.append("  %6d  %s%n".formatted(count, reply)));
        System.out.printf(
                "Malformed input fuzz: %d requests sent.%n  status and error codes:%n%s", REQUESTS.get(), table);
    }
}
