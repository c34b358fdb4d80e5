package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.trustplatform.isolation.Operation.Request;
import uk.trustplatform.isolation.World.Persona;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantSnapshot;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Tenant A's data, A's ids, and callers who must not reach them: every role of tenant B, every
 * other partner of A, and anonymous callers. For every operation of the schema, nothing of A's
 * comes back and nothing of A's changes.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationSuiteTest implements TestPropertyProvider {

    /** Keycloak's admin API for onboarding and clients; tokens still come from the test identity provider. */
    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    private static final AtomicInteger CASES = new AtomicInteger();

    /**
     * Writes anyone may make to A: whoever holds one of A's feedback codes may answer it, so the one
     * change an outsider may make is that answer, in that table; everything else of A stays as it was.
     */
    static final Map<String, String> PUBLIC_WRITES = Map.of("Mutation.answerHeardBack", "feedback_answer");

    @Inject
    EmbeddedServer server;

    /** Someone who must not see what {@code forbidden} marks in tenant A. */
    private record Outsider(String description, ApiCaller caller, String forbidden) {}

    @TestFactory
    List<DynamicTest> no_outsider_reaches_tenant_a() {
        ApiCaller api = new ApiCaller(server);
        World a = World.create(api, "alpha");
        World b = World.create(api, "bravo");
        List<Outsider> outsiders = new ArrayList<>();
        for (Persona persona : Persona.values()) {
            outsiders.add(new Outsider("tenant B's " + persona, b.as(api, persona), a.marker()));
        }
        outsiders.add(new Outsider(
                "another partner lead of A", a.as(api, Persona.PARTNER_LEAD, a.otherAgency()), a.agencyMarker()));
        outsiders.add(new Outsider(
                "another partner integration of A",
                a.as(api, Persona.PARTNER_INTEGRATION, a.otherAgency()),
                a.agencyMarker()));
        List<DynamicTest> cases = new ArrayList<>();
        for (Operation operation : OperationCatalogue.all()) {
            for (Outsider outsider : outsiders) {
                cases.add(DynamicTest.dynamicTest(
                        operation.name() + " with A's ids as " + outsider.description(),
                        () -> check(operation, a, outsider)));
            }
        }
        return cases;
    }

    private static void check(Operation operation, World a, Outsider outsider) {
        Request aimedAtA = operation.request().apply(a);
        String publicTable = PUBLIC_WRITES.get(operation.name());
        String before = withoutTable(TenantSnapshot.of(a.tenant().id()), publicTable);

        Reply reply = aimedAtA.sendAs(outsider.caller());

        CASES.incrementAndGet();
        Replies.assertDecidedOnAccess(reply);
        assertThat(reply.text()).as("nothing of A's comes back").doesNotContain(outsider.forbidden());
        assertThat(withoutTable(TenantSnapshot.of(a.tenant().id()), publicTable))
                .as("nothing of A's changes")
                .isEqualTo(before);
    }

    /** The snapshot without one table's rows (none: the whole snapshot). */
    static String withoutTable(String snapshot, String table) {
        return table == null ? snapshot : snapshot.replaceAll("(?s)## " + table + "\\n.*?(?=## |\\z)", "");
    }

    @AfterAll
    static void report() {
        System.out.printf("Isolation suite: %d operation × caller cases checked.%n", CASES.get());
    }
}
