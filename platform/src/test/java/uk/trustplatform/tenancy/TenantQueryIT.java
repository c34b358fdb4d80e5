package uk.trustplatform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.testing.ApiCaller;

@MicronautTest(transactional = false)
class TenantQueryIT {

    private static final String TENANT_BY_SLUG = """
            query TenantBySlug($slug: String!) {
              tenant(slug: $slug) {
                id slug name kind region status
                councils { gssCode name validFrom validTo predecessorGssCode }
              }
            }""";

    @Inject
    EmbeddedServer server;

    @Inject
    Tenants tenants;

    @Inject
    Councils councils;

    @Inject
    TenantTransactions transactions;

    @Test
    void a_tenant_is_read_by_slug_from_postgresql_with_its_councils_and_their_history() {
        String slug = "cumbria-" + suffix();
        Tenant cumbria = new TenantFixture(tenants, councils, transactions).cumbriaWithSuccessors(slug);

        ApiCaller.Reply reply = new ApiCaller(server).query(TENANT_BY_SLUG, Map.of("slug", slug));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        JsonNode tenant = reply.data().path("tenant");
        assertThat(tenant.path("id").asText()).isEqualTo(GlobalId.encode("Tenant", cumbria.id()));
        assertThat(tenant.path("slug").asText()).isEqualTo(slug);
        assertThat(tenant.path("name").asText()).isEqualTo("Cumbria Children's Trust (" + slug + ")");
        assertThat(tenant.path("kind").asText()).isEqualTo("CHILDRENS_TRUST");
        assertThat(tenant.path("region").asText()).isEqualTo("NORTH_WEST");
        assertThat(tenant.path("status").asText()).isEqualTo("ACTIVE");
        JsonNode councilList = tenant.path("councils");
        assertThat(councilList).hasSize(3);
        assertThat(councilList.path(0).path("gssCode").asText()).isEqualTo("E06000063");
        assertThat(councilList.path(0).path("validFrom").asText()).isEqualTo("2023-04-01");
        assertThat(councilList.path(0).path("validTo").isNull()).isTrue();
        assertThat(councilList.path(0).path("predecessorGssCode").asText()).isEqualTo("E10000006");
        assertThat(councilList.path(2).path("gssCode").asText()).isEqualTo("E10000006");
        assertThat(councilList.path(2).path("validTo").asText()).isEqualTo("2023-03-31");
    }

    @Test
    void an_unknown_slug_gives_null_and_no_error() {
        ApiCaller.Reply reply = new ApiCaller(server).query(TENANT_BY_SLUG, Map.of("slug", "nowhere-" + suffix()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        assertThat(reply.data().path("tenant").isNull()).isTrue();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
