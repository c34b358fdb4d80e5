package uk.trustplatform.youthforums;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A partnership of a test's own with two partner agencies and a published strategy whose
 * participation structures are Cambridgeshire's Youth Assembly and a Children in Care Council,
 * put in force through the API as its admin would: saved, endorsed for a partner, published.
 */
final class YouthForumPartnership {

    static final String ASSEMBLY = "Youth Assembly";
    static final String CARE_COUNCIL = "Children in Care Council";

    final String slug;
    final UUID tenantId;
    final String police;
    final String health;
    private final EmbeddedServer server;

    private YouthForumPartnership(EmbeddedServer server, TestTenant tenant, String police, String health) {
        this.server = server;
        this.slug = tenant.slug();
        this.tenantId = tenant.id();
        this.police = police;
        this.health = health;
    }

    static YouthForumPartnership open(EmbeddedServer server) {
        TestTenant tenant = TestTenants.active("forumshire");
        ApiCaller admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, tenant.slug(), null);
        String police = agency(admin, "Forumshire Constabulary");
        YouthForumPartnership partnership =
                new YouthForumPartnership(server, tenant, police, agency(admin, "Forumshire Community Health"));
        publishStrategy(admin, police);
        return partnership;
    }

    ApiCaller as(String subject, Role role, String partner) {
        return ApiCaller.member(
                server,
                subject,
                role,
                slug,
                partner == null ? null : GlobalId.decode(partner).orElseThrow().uuid());
    }

    private static void publishStrategy(ApiCaller admin, String partner) {
        JsonNode saved = admin.mutate(
                "saveStrategy",
                "SaveStrategyInput",
                Map.of(
                        "strategy",
                        Map.of(
                                "title",
                                "Active involvement strategy",
                                "periodStart",
                                2009,
                                "periodEnd",
                                2012,
                                "participationStructures",
                                List.of(
                                        Map.of(
                                                "name",
                                                ASSEMBLY,
                                                "implementation",
                                                "Young people agree recommendations to go forward to the CYPSP.",
                                                "meetingFrequency",
                                                "3 Assemblies to take place per year"),
                                        Map.of("name", CARE_COUNCIL)))),
                "strategy { id }");
        String id = saved.path("strategy").path("id").asText();
        JsonNode endorsed = admin.mutate(
                "endorseStrategy",
                "EndorseStrategyInput",
                Map.of("id", id, "partnerOrganisationId", partner),
                "strategy { version }");
        JsonNode published = admin.mutate(
                "publishDocument",
                "PublishDocumentInput",
                Map.of(
                        "id",
                        id,
                        "version",
                        endorsed.path("strategy").path("version").asInt()),
                "document { status }");
        assertThat(published.path("document").path("status").asText())
                .as(published.toString())
                .isEqualTo("PUBLISHED");
    }

    private static String agency(ApiCaller admin, String name) {
        return admin.mutate(
                        "registerPartnerOrganisation",
                        "RegisterPartnerOrganisationInput",
                        Map.of("name", name),
                        "partnerOrganisation { id }")
                .path("partnerOrganisation")
                .path("id")
                .asText();
    }
}
