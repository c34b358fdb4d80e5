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
 * Every operation of the schema × every role, in one tenant, aimed at one partner agency's data:
 * the allowed roles reach it, every other role gets a refusal that shows none of the tenant's data
 * and changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIT implements TestPropertyProvider {

    /** Keycloak's admin API for onboarding and clients; tokens still come from the test identity provider. */
    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    private static final AtomicInteger CASES = new AtomicInteger();

    @Inject
    EmbeddedServer server;

    @TestFactory
    List<DynamicTest> every_operation_for_every_role() {
        ApiCaller api = new ApiCaller(server);
        World world = World.create(api, "matrix");
        List<DynamicTest> cases = new ArrayList<>();
        for (Operation operation : OperationCatalogue.all()) {
            for (Persona persona : Persona.values()) {
                boolean allowed = operation.allowed().contains(persona);
                cases.add(DynamicTest.dynamicTest(
                        operation.name() + " as " + persona + (allowed ? " is allowed" : " is denied"),
                        () -> check(api, world, operation, persona, allowed)));
            }
        }
        return cases;
    }

    private static void check(ApiCaller api, World world, Operation operation, Persona persona, boolean allowed) {
        Request request = operation.request().apply(world);
        String before = TenantSnapshot.of(world.tenant().id());

        Reply reply = request.sendAs(world.as(api, persona));

        CASES.incrementAndGet();
        Replies.assertDecidedOnAccess(reply);
        if (allowed) {
            assertThat(operation.reached().test(reply, world)).as(reply.text()).isTrue();
            return;
        }
        assertThat(operation.reached().test(reply, world)).as(reply.text()).isFalse();
        assertThat(reply.text()).as("a refusal shows nothing of the tenant").doesNotContain(world.marker());
        assertThat(TenantSnapshot.of(world.tenant().id()))
                .as("a refusal changes nothing")
                .isEqualTo(before);
    }

    @AfterAll
    static void report() {
        System.out.printf("Permission matrix: %d operation × role cases checked.%n", CASES.get());
    }
}
