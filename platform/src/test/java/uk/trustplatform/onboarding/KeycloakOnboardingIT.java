package uk.trustplatform.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestDatabase;
import uk.trustplatform.testing.TestKeycloak;

/** Onboarding councils as tenants, against the real Keycloak and PostgreSQL. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakOnboardingIT implements TestPropertyProvider {

    private static final String ONBOARD = """
            mutation ($definition: String!) {
              onboardTenant(input: { definition: $definition }) {
                tenant { slug name status councils { gssCode } }
                created changes
                adminAccount { username temporaryPassword invitationSent }
                userErrors { field message code }
              }
            }""";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.platformProperties();
    }

    @Test
    void a_new_council_is_onboarded_with_its_organization_and_admin_who_can_then_sign_in() {
        String slug = slug("medway");

        JsonNode outcome = onboard(definition(slug, "Medway Children's Trust", "E06000035", "Medway Council"));

        assertThat(outcome.path("userErrors")).as(outcome.toString()).isEmpty();
        assertThat(outcome.path("created").asBoolean()).isTrue();
        assertThat(outcome.path("tenant").path("status").asText()).isEqualTo("ONBOARDING");
        assertThat(outcome.path("changes").toString())
                .contains(
                        "registered tenant " + slug,
                        "added council E06000035",
                        "created Keycloak organization " + slug,
                        "created tenant admin account");
        OrganizationRepresentation organisation = organisation(slug);
        assertThat(organisation.getName()).isEqualTo("Medway Children's Trust (" + slug + ")");
        assertThat(organisation.getDomains())
                .extracting(OrganizationDomainRepresentation::getName)
                .containsExactly(slug + ".example");
        String username = outcome.path("adminAccount").path("username").asText();
        String password = outcome.path("adminAccount").path("temporaryPassword").asText();
        String token = TestKeycloak.passwordToken(username, password);
        assertThat(TestKeycloak.claims(token).path("organization").toString()).isEqualTo("[\"" + slug + "\"]");
        Reply viewer = new ApiCaller(server).withToken(token).query("{ viewer { roles tenant { slug } } }");
        assertThat(viewer.data().path("viewer").path("roles").toString()).isEqualTo("[\"TENANT_ADMIN\"]");
        assertThat(viewer.data().path("viewer").path("tenant").path("slug").asText())
                .isEqualTo(slug);
    }

    @Test
    void onboarding_the_same_definition_again_changes_nothing() throws SQLException {
        String slug = slug("kent");
        String definition = definition(slug, "Kent Children's Partnership", "E10000016", "Kent County Council");
        onboard(definition);
        int auditBefore = auditEntries(slug);

        JsonNode again = onboard(definition);

        assertThat(again.path("userErrors")).isEmpty();
        assertThat(again.path("created").asBoolean()).isFalse();
        assertThat(again.path("changes")).isEmpty();
        assertThat(again.path("adminAccount").path("temporaryPassword").isNull())
                .isTrue();
        assertThat(auditEntries(slug)).isEqualTo(auditBefore);
    }

    @Test
    void a_changed_definition_applies_only_what_changed() {
        String slug = slug("luton");
        onboard(definition(slug, "Luton LSCB", "E06000032", "Luton Borough Council"));

        JsonNode changed = onboard(definition(
                        slug, "Luton Safeguarding Children Partnership", "E06000032", "Luton Borough Council")
                .replace("councils:\n", "councils:\n  - gssCode: E06000056\n    name: Central Bedfordshire Council\n"));

        assertThat(changed.path("changes").toString())
                .isEqualTo(
                        "[\"changed name, kind or region\",\"added council E06000056\",\"updated Keycloak organization "
                                + slug + "\"]");
        assertThat(organisation(slug).getName()).isEqualTo("Luton Safeguarding Children Partnership (" + slug + ")");
    }

    @Test
    void a_definitions_quiet_periods_reply_time_and_kite_mark_validity_are_set_and_one_without_them_keeps_the_admins() {
        String slug = slug("quiet");
        String withoutPeriods = definition(slug, "Quiet Children's Trust", "E06000035", "Medway Council") + """
                configuration:
                  partnership:
                    minimumParticipationChampions: 3
                """;
        String withPeriods = withoutPeriods + """
                    recommendationReplyDays: 45
                    kiteMarkValidMonths: 24
                    quietPeriods:
                      - { name: May half term, firstDay: 2027-05-31, lastDay: 2027-06-04 }
                      - { name: GCSE and A level exams, firstDay: 2027-05-10, lastDay: 2027-06-25 }
                """;
        String settings = "{ partnershipSettings { version minimumParticipationChampions recommendationReplyDays"
                + " kiteMarkValidMonths quietPeriods { name } } }";

        JsonNode onboarded = onboard(withPeriods);
        JsonNode again = onboard(withPeriods);
        ApiCaller admin = new ApiCaller(server)
                .withToken(TestKeycloak.passwordToken(
                        onboarded.path("adminAccount").path("username").asText(),
                        onboarded.path("adminAccount").path("temporaryPassword").asText()));
        JsonNode atOnboarding = admin.query(settings).data().path("partnershipSettings");
        JsonNode kept = admin.query(
                        "mutation ($i: SetQuietPeriodsInput!) { setQuietPeriods(input: $i) { userErrors { message } } }",
                        Map.of(
                                "i",
                                Map.of(
                                        "version",
                                        atOnboarding.path("version").asInt(),
                                        "quietPeriods",
                                        List.of(Map.of(
                                                "name",
                                                "Summer holidays",
                                                "firstDay",
                                                "2027-07-22",
                                                "lastDay",
                                                "2027-09-01")))))
                .data()
                .path("setQuietPeriods");
        JsonNode withoutThem = onboard(withoutPeriods);
        JsonNode after = admin.query(settings).data().path("partnershipSettings");

        assertThat(onboarded.path("changes").toString())
                .contains(
                        "set partnership settings: 3 champions, 60 days' notice, 45 days to reply to a youth forum,"
                                + " kite marks for 24 months",
                        "set 2 quiet periods");
        assertThat(atOnboarding.path("recommendationReplyDays").asInt()).isEqualTo(45);
        assertThat(atOnboarding.path("kiteMarkValidMonths").asInt()).isEqualTo(24);
        assertThat(again.path("changes"))
                .as("the same definition again changes nothing")
                .isEmpty();
        assertThat(atOnboarding.path("quietPeriods").findValuesAsText("name"))
                .as("by first day")
                .containsExactly("GCSE and A level exams", "May half term");
        assertThat(kept.path("userErrors")).isEmpty();
        assertThat(withoutThem.path("changes")).isEmpty();
        assertThat(after.path("quietPeriods").findValuesAsText("name"))
                .as("the admin's list, kept")
                .containsExactly("Summer holidays");
        assertThat(after.path("minimumParticipationChampions").asInt()).isEqualTo(3);
        assertThat(after.path("recommendationReplyDays").asInt())
                .as("left out of the definition, the partnership's own stays")
                .isEqualTo(45);
        assertThat(after.path("kiteMarkValidMonths").asInt()).isEqualTo(24);
    }

    @Test
    void a_definitions_quiet_period_that_ends_before_it_starts_is_refused_with_its_path_and_nothing_is_made()
            throws SQLException {
        String slug = slug("quiet");

        JsonNode refused = onboard(definition(slug, "Quiet Children's Trust", "E06000035", "Medway Council") + """
                configuration:
                  partnership:
                    quietPeriods:
                      - { name: Exams, firstDay: 2027-06-25, lastDay: 2027-05-10 }
                """);

        assertThat(refused.path("tenant").isNull()).isTrue();
        assertThat(refused.path("userErrors").path(0).path("field").toString())
                .isEqualTo(
                        "[\"input\",\"definition\",\"configuration\",\"partnership\",\"quietPeriods\",\"0\",\"lastDay\"]");
        assertThat(refused.path("userErrors").path(0).path("message").asText())
                .isEqualTo("configuration.partnership.quietPeriods.0.lastDay: must not be before the first day"
                        + " (2027-05-10 is before 2027-06-25).");
        assertThat(tenantRows(slug)).isZero();
    }

    @Test
    void a_failure_at_keycloak_midway_leaves_nothing_behind_and_names_the_step() throws SQLException {
        String slug = slug("cumbria");
        String clash = slug + "-admin@" + slug + ".example";
        UserRepresentation squatter = new UserRepresentation();
        squatter.setUsername(clash);
        squatter.setEmail("someone.else@elsewhere.example");
        squatter.setEnabled(true);
        TestKeycloak.realm().users().create(squatter).close();

        JsonNode refused = onboard(definition(slug, "Cumbria Children's Trust", "E10000006", "Cumbria County Council"));

        assertThat(refused.path("tenant").isNull()).isTrue();
        assertThat(refused.path("userErrors").path(0).path("message").asText())
                .contains("Stopped at step 'create tenant admin account'")
                .contains("409")
                .contains("Nothing was kept");
        assertThat(TestKeycloak.realm().organizations().searchByAttribute("trust.tenant:" + slug))
                .isEmpty();
        assertThat(tenantRows(slug)).isZero();
    }

    @Test
    void an_invalid_definition_reports_every_problem_with_its_path_and_creates_nothing() throws SQLException {
        String slug = slug("bad");
        String definition = """
                slug: %s
                kind: CHILDRENS_TRUST
                region: SOUTH_EAST
                colour: teal
                councils:
                  - gssCode: 06000035
                    name: Medway Council
                admin: { email: a@b.example, firstName: A, lastName: B }
                """.formatted(slug);

        JsonNode refused = onboard(definition);

        assertThat(refused.path("tenant").isNull()).isTrue();
        List<String> fields = refused.path("userErrors").findValues("field").stream()
                .map(JsonNode::toString)
                .toList();
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "[\"input\",\"definition\",\"name\"]",
                        "[\"input\",\"definition\",\"colour\"]",
                        "[\"input\",\"definition\",\"councils\",\"0\",\"gssCode\"]");
        assertThat(refused.path("userErrors").findValuesAsText("code"))
                .contains("REQUIRED", "NOT_ALLOWED", "INVALID_FORMAT");
        assertThat(tenantRows(slug)).isZero();
        assertThat(TestKeycloak.realm().organizations().searchByAttribute("trust.tenant:" + slug))
                .isEmpty();
    }

    @Test
    void a_name_another_tenant_already_has_is_refused_before_anything_is_made() throws SQLException {
        String first = slug("herts");
        String second = slug("herts");
        onboard(definition(first, "Hertfordshire Children's Trust", "E10000015", "Hertfordshire County Council"));

        JsonNode refused =
                onboard(definition(first, "Hertfordshire Children's Trust", "E10000015", "Hertfordshire County Council")
                        .replace("slug: " + first, "slug: " + second)
                        .replace("emailDomains: [" + first, "emailDomains: [" + second));

        assertThat(refused.path("userErrors").path(0).path("field").toString())
                .isEqualTo("[\"input\",\"definition\",\"name\"]");
        assertThat(refused.path("userErrors").path(0).path("message").asText())
                .contains("another tenant is already called");
        assertThat(tenantRows(second)).isZero();
    }

    @Test
    void only_a_platform_operator_may_onboard() {
        String slug = slug("nope");
        String adminPassword = TestKeycloak.person("admin-" + slug, List.of(Role.TENANT_ADMIN), null, null);
        ApiCaller admin = new ApiCaller(server).withToken(TestKeycloak.passwordToken("admin-" + slug, adminPassword));

        Reply refused =
                admin.query(ONBOARD, Map.of("definition", definition(slug, "Nope", "E06000035", "Medway Council")));

        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(refused.data().path("onboardTenant").isNull()).isTrue();
    }

    private JsonNode onboard(String definition) {
        Reply reply = operator().query(ONBOARD, Map.of("definition", definition));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.data().path("onboardTenant");
    }

    private ApiCaller operator() {
        String username = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        String password = TestKeycloak.person(username, List.of(Role.PLATFORM_OPERATOR), null, null);
        return new ApiCaller(server).withToken(TestKeycloak.passwordToken(username, password));
    }

    /** A definition whose tenant is named {@code name} and its slug: tenant names are unique on the platform. */
    static String definition(String slug, String name, String gss, String council) {
        return """
                slug: %s
                name: %s (%s)
                kind: CHILDRENS_TRUST
                region: SOUTH_EAST
                councils:
                  - gssCode: %s
                    name: %s
                emailDomains: [%s.example]
                admin:
                  email: %s-admin@%s.example
                  firstName: Trust
                  lastName: Administrator
                """.formatted(slug, name, slug, gss, council, slug, slug, slug);
    }

    static String slug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static OrganizationRepresentation organisation(String slug) {
        return TestKeycloak.realm()
                .organizations()
                .searchByAttribute("trust.tenant:" + slug)
                .getFirst();
    }

    private static long tenantRows(String slug) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection();
                PreparedStatement query = owner.prepareStatement("SELECT count(*) FROM tenant WHERE slug = ?")) {
            query.setString(1, slug);
            ResultSet rows = query.executeQuery();
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int auditEntries(String slug) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            try (PreparedStatement bind = owner.prepareStatement(
                    "SELECT set_config('app.tenant_id', (SELECT id::text FROM tenant WHERE slug = ?), true)")) {
                bind.setString(1, slug);
                bind.execute();
            }
            try (ResultSet rows = owner.createStatement().executeQuery("SELECT count(*) FROM audit_event")) {
                rows.next();
                return rows.getInt(1);
            } finally {
                owner.rollback();
            }
        }
    }
}
