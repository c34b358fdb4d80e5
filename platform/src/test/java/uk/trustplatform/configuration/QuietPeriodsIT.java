package uk.trustplatform.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A partnership's quiet periods (Medway: "the timing of consultation enables young people to
 * continue to focus on their education at key points in the year"): kept by its tenant admin at
 * the settings' version, read by every member. A definition's quiet periods: KeycloakOnboardingIT.
 */
@MicronautTest(transactional = false)
class QuietPeriodsIT {

    private static final String SETTINGS =
            "{ partnershipSettings { version minimumParticipationChampions quietPeriods { name firstDay lastDay } } }";
    private static final String SET = "mutation ($i: SetQuietPeriodsInput!) { setQuietPeriods(input: $i) {"
            + " partnershipSettings { version minimumParticipationChampions quietPeriods { name firstDay lastDay } }"
            + " userErrors { field message code } } }";
    private static final Map<String, Object> EXAMS = period("GCSE and A level exams", "2027-05-10", "2027-06-25");
    private static final Map<String, Object> HALF_TERM = period("May half term", "2027-05-31", "2027-06-04");
    private static final Map<String, Object> SUMMER = period("Summer holidays", "2027-07-22", "2027-09-01");

    @Inject
    EmbeddedServer server;

    @Test
    void a_tenant_admin_keeps_the_quiet_periods_at_the_version_read_and_every_member_reads_them() {
        TestTenant tenant = TestTenants.active("quiet");
        ApiCaller admin = as(tenant, "admin", Role.TENANT_ADMIN);

        JsonNode saved = settings(admin.query(SET, input(0, List.of(HALF_TERM, EXAMS))));
        Reply numbers = admin.query(
                "mutation ($i: UpdatePartnershipSettingsInput!) { updatePartnershipSettings(input: $i)"
                        + " { partnershipSettings { version quietPeriods { name } } userErrors { code } } }",
                Map.of("i", Map.of("version", 1, "minimumParticipationChampions", 3, "renewalNoticeDays", 60)));
        Reply stale = admin.query(SET, input(1, List.of(SUMMER)));
        JsonNode asLead =
                as(tenant, "lead", Role.PARTNER_LEAD).query(SETTINGS).data().path("partnershipSettings");
        Reply byLead = as(tenant, "lead", Role.PARTNER_LEAD).query(SET, input(2, List.of(SUMMER)));
        Reply byBoard = as(tenant, "board", Role.BOARD_MEMBER).query(SET, input(2, List.of(SUMMER)));
        JsonNode cleared = settings(admin.query(SET, input(2, List.of())));

        assertThat(saved.path("version").asInt()).isEqualTo(1);
        assertThat(saved.path("minimumParticipationChampions").asInt())
                .as("the numbers keep their defaults")
                .isEqualTo(1);
        assertThat(saved.path("quietPeriods").toString())
                .as("by first day, overlapping periods both kept")
                .isEqualTo(
                        "[{\"name\":\"GCSE and A level exams\",\"firstDay\":\"2027-05-10\",\"lastDay\":\"2027-06-25\"},"
                                + "{\"name\":\"May half term\",\"firstDay\":\"2027-05-31\",\"lastDay\":\"2027-06-04\"}]");
        assertThat(numbers.data()
                        .path("updatePartnershipSettings")
                        .path("partnershipSettings")
                        .toString())
                .as("one version for the numbers and the quiet periods")
                .isEqualTo(
                        "{\"version\":2,\"quietPeriods\":[{\"name\":\"GCSE and A level exams\"},{\"name\":\"May half term\"}]}");
        assertThat(stale.data().path("setQuietPeriods").path("userErrors").findValuesAsText("code"))
                .containsExactly("CONFLICT");
        assertThat(asLead.path("quietPeriods").findValuesAsText("name"))
                .containsExactly("GCSE and A level exams", "May half term");
        assertThat(byLead.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(byLead.data().path("setQuietPeriods").isNull()).isTrue();
        assertThat(byBoard.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(cleared.path("version").asInt()).isEqualTo(3);
        assertThat(cleared.path("quietPeriods")).isEmpty();
        assertThat(TenantData.rows(tenant.id(), "partnership_quiet_period")).isZero();
        assertThat(TenantData.query(
                        tenant.id(),
                        "SELECT action || ' ' || (after->>'version') FROM audit_event"
                                + " WHERE action LIKE 'PartnershipSettings.%' ORDER BY occurred_at"))
                .containsExactly(
                        "PartnershipSettings.quietPeriodsChanged 1",
                        "PartnershipSettings.changed 2",
                        "PartnershipSettings.quietPeriodsChanged 3");
    }

    @Test
    void bad_quiet_periods_name_the_field_and_the_rule_and_nothing_is_written() {
        TestTenant tenant = TestTenants.active("quiet");
        ApiCaller admin = as(tenant, "admin", Role.TENANT_ADMIN);
        Map<String, Object> noFirstDay = new HashMap<>(HALF_TERM);
        noFirstDay.put("firstDay", null);

        JsonNode refused = admin.query(
                        SET,
                        input(
                                0,
                                List.of(
                                        period(" ", "2027-05-10", "2027-06-25"),
                                        period("Exams", "2027-06-25", "2027-05-10"),
                                        noFirstDay,
                                        SUMMER,
                                        SUMMER)))
                .data()
                .path("setQuietPeriods");

        assertThat(refused.path("partnershipSettings").isNull()).isTrue();
        assertThat(refused.path("userErrors").findValues("field").stream()
                        .map(JsonNode::toString)
                        .toList())
                .containsExactly(
                        "[\"input\",\"quietPeriods\",\"0\",\"name\"]",
                        "[\"input\",\"quietPeriods\",\"1\",\"lastDay\"]",
                        "[\"input\",\"quietPeriods\",\"2\",\"firstDay\"]",
                        "[\"input\",\"quietPeriods\",\"4\",\"name\"]");
        assertThat(refused.path("userErrors").findValuesAsText("code"))
                .containsExactly("REQUIRED", "NOT_ALLOWED", "REQUIRED", "NOT_ALLOWED");
        assertThat(refused.path("userErrors").findValuesAsText("message"))
                .containsExactly(
                        "quietPeriods.0.name: must not be empty: name the period, such as GCSE and A level exams.",
                        "quietPeriods.1.lastDay: must not be before the first day (2027-05-10 is before 2027-06-25).",
                        "quietPeriods.2.firstDay: must be given.",
                        "quietPeriods.4.name: the same period (name, first and last day) is listed twice.");
        assertThat(TenantData.rows(tenant.id(), "partnership_quiet_period")).isZero();
        assertThat(TenantData.rows(tenant.id(), "partnership_settings")).isZero();
    }

    private static Map<String, Object> period(String name, String firstDay, String lastDay) {
        return Map.of("name", name, "firstDay", firstDay, "lastDay", lastDay);
    }

    private static Map<String, Object> input(int version, List<Map<String, Object>> periods) {
        return Map.of("i", Map.of("version", version, "quietPeriods", periods));
    }

    private static JsonNode settings(Reply reply) {
        JsonNode payload = reply.data().path("setQuietPeriods");
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("partnershipSettings");
    }

    private ApiCaller as(TestTenant tenant, String subject, Role role) {
        UUID partner = role == Role.PARTNER_LEAD ? UUID.randomUUID() : null;
        return ApiCaller.member(server, subject, role, tenant.slug(), partner);
    }
}
