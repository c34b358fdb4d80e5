package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
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
 * comes back and nothing of A's changes; and where an answer is only counts, none of them counts
 * A's things.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationSuiteIT implements TestPropertyProvider {

    /** Keycloak's admin API for onboarding and clients; tokens still come from the test identity provider. */
    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    private static final AtomicInteger CASES = new AtomicInteger();

    /**
     * Writes anyone may make to A, and the tables they change: whoever holds one of A's feedback codes
     * may answer it, and whoever holds the link from one of A's emails may choose which emails its
     * address gets (audited); everything else of A stays as it was.
     */
    static final Map<String, List<String>> PUBLIC_WRITES = Map.of(
            "Mutation.answerHeardBack", List.of("feedback_answer"),
            "Mutation.setEmailPreferences", List.of("notification_preference", "audit_event"));

    @Inject
    EmbeddedServer server;

    /** Someone who must not see what {@code forbidden} marks in tenant A. */
    private record Outsider(String description, ApiCaller caller, String forbidden) {}

    /**
     * Operations that answer with counts, in which no marker can show one of A's things: the count
     * an outsider reads must stay as it was when A's agency does more, and A's own counts move.
     */
    static final Set<String> COUNTS = Set.of("Query.participationSummary", "Query.youthForumRecommendationCounts");

    private @Nullable Worlds worlds;

    /** Tenant A, and everyone who must not reach it: built once for both factories. */
    private record Worlds(ApiCaller api, World a, List<Outsider> outsiders) {}

    private Worlds worlds() {
        if (worlds == null) {
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
            worlds = new Worlds(api, a, outsiders);
        }
        return worlds;
    }

    @TestFactory
    List<DynamicTest> no_outsider_reaches_tenant_a() {
        Worlds worlds = worlds();
        List<DynamicTest> cases = new ArrayList<>();
        for (Operation operation : OperationCatalogue.all()) {
            for (Outsider outsider : worlds.outsiders()) {
                cases.add(DynamicTest.dynamicTest(
                        operation.name() + " with A's ids as " + outsider.description(),
                        () -> check(operation, worlds.a(), outsider)));
            }
        }
        return cases;
    }

    @TestFactory
    List<DynamicTest> no_outsider_counts_what_tenant_a_does() {
        Worlds worlds = worlds();
        World a = worlds.a();
        List<Operation> counting = OperationCatalogue.all().stream()
                .filter(operation -> COUNTS.contains(operation.name()))
                .toList();
        assertThat(counting).as("the counting operations are in the catalogue").hasSameSizeAs(COUNTS);
        List<DynamicTest> cases = new ArrayList<>();
        for (Operation operation : counting) {
            for (Persona insider : List.of(Persona.TENANT_ADMIN, Persona.PARTNER_LEAD)) {
                cases.add(DynamicTest.dynamicTest(
                        operation.name() + " moves for A's " + insider + " when A's agency does more", () -> {
                            Counted counted = counted(operation, a.as(worlds.api(), insider), worlds);
                            assertThat(counted.after()).isNotEqualTo(counted.before());
                        }));
            }
            for (Outsider outsider : worlds.outsiders()) {
                cases.add(DynamicTest.dynamicTest(
                        operation.name() + " stays for " + outsider.description() + " when A's agency does more",
                        () -> {
                            Counted counted = counted(operation, outsider.caller(), worlds);
                            CASES.incrementAndGet();
                            assertThat(counted.after()).isEqualTo(counted.before());
                        }));
            }
        }
        return cases;
    }

    /** What the caller reads before and after A's agency does one more of each counted thing. */
    private record Counted(JsonNode before, JsonNode after) {}

    private static Counted counted(Operation operation, ApiCaller caller, Worlds worlds) {
        Request request = operation.request().apply(worlds.a());
        JsonNode before = request.sendAs(caller).data();
        worlds.a().growAgency(worlds.api());
        return new Counted(before, request.sendAs(caller).data());
    }

    private static void check(Operation operation, World a, Outsider outsider) {
        Request aimedAtA = operation.request().apply(a);
        List<String> publicTables = PUBLIC_WRITES.getOrDefault(operation.name(), List.of());
        String before = withoutTables(TenantSnapshot.of(a.tenant().id()), publicTables);

        Reply reply = aimedAtA.sendAs(outsider.caller());

        CASES.incrementAndGet();
        Replies.assertDecidedOnAccess(reply);
        assertThat(reply.text()).as("nothing of A's comes back").doesNotContain(outsider.forbidden());
        assertThat(withoutTables(TenantSnapshot.of(a.tenant().id()), publicTables))
                .as("nothing of A's changes")
                .isEqualTo(before);
    }

    /** The snapshot without these tables' rows (none: the whole snapshot). */
    static String withoutTables(String snapshot, List<String> tables) {
        String left = snapshot;
        for (String table : tables) {
            left = left.replaceAll("(?s)## " + table + "\\n.*?(?=## |\\z)", "");
        }
        return left;
    }

    @AfterAll
    static void report() {
        System.out.printf("Isolation suite: %d operation × caller cases checked.%n", CASES.get());
    }
}
