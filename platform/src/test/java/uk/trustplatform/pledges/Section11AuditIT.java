package uk.trustplatform.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Role;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A statutory partner's Section 11 self-audit: one entry per criterion of the pledge's standards,
 * rated with narrative and evidence, submitted, moderated by the board, and carried into the next
 * round.
 */
@MicronautTest(transactional = false)
class Section11AuditIT {

    private static final String AUDIT = "section11Audit { id status version round framework moderationComment"
            + " carriedForwardFrom { id } entries { id standard criterion criterionText rag narrative evidence"
            + " moderatedRag moderatorComment version } }";

    @Inject
    EmbeddedServer server;

    private TestTenant luton;
    private ApiCaller admin;
    private ApiCaller board;
    private ApiCaller lead;
    private String council;
    private PledgeFixture fixture;

    @BeforeEach
    void lutonWithAStatutoryPartner() {
        luton = TestTenants.active("luton");
        admin = ApiCaller.member(server, "admin", Role.TENANT_ADMIN, luton.slug(), null);
        board = ApiCaller.member(server, "board", Role.BOARD_MEMBER, luton.slug(), null);
        fixture = new PledgeFixture(admin);
        fixture.publishPledge();
        council = fixture.partner("Luton Borough Council", "statutory-lscb-member", true);
        lead = ApiCaller.member(
                server,
                "lead",
                Role.PARTNER_LEAD,
                luton.slug(),
                GlobalId.decode(council).orElseThrow().uuid());
    }

    @Test
    void a_statutory_partner_rates_every_criterion_submits_and_the_board_moderates() {
        JsonNode audit = start(lead, council, 2025, null).path("section11Audit");
        JsonNode entries = audit.path("entries");
        JsonNode unrated = submit(audit.path("id").asText(), 0);
        for (JsonNode entry : entries) {
            rate(
                    entry.path("id").asText(),
                    0,
                    "AMBER",
                    "Policy in place; training due",
                    "https://luton.example/s11/" + entry.path("criterion").asText());
        }
        JsonNode submitted = submit(audit.path("id").asText(), 0);
        Reply leadModerates = lead.query(moderate(), Map.of("input", moderation(audit, 1, "ACCEPT", null, List.of())));
        JsonNode editWhileSubmitted = rate(entries.path(0).path("id").asText(), 1, "GREEN", "Changed my mind", null);
        JsonNode returnedWithoutComment = board.query(
                        moderate(), Map.of("input", moderation(audit, 1, "RETURN", null, List.of())))
                .data()
                .path("moderateSection11Audit");
        JsonNode moderated = board.query(
                        moderate(),
                        Map.of(
                                "input",
                                moderation(
                                        audit,
                                        1,
                                        "ACCEPT",
                                        "A thorough return.",
                                        List.of(Map.of(
                                                "id",
                                                entries.path(2).path("id").asText(),
                                                "moderatedRag",
                                                "RED",
                                                "comment",
                                                "No written allegations procedure was seen.")))))
                .data()
                .path("moderateSection11Audit")
                .path("section11Audit");

        assertThat(audit.path("framework").asText()).isEqualTo("luton-standards");
        assertThat(entries.findValuesAsText("criterion")).containsExactly("1.1", "1.2", "8");
        assertThat(entries.findValuesAsText("criterionText"))
                .containsExactly(
                        "A strategic lead person is appointed", "Policies are reviewed", "Complaints and allegations");
        assertThat(unrated.path("userErrors").path(0).path("message").asText())
                .isEqualTo("3 criteria are not rated yet; rate every criterion before submitting.");
        assertThat(submitted.path("section11Audit").path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(leadModerates.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(editWhileSubmitted.path("userErrors").path(0).path("code").asText())
                .isEqualTo("NOT_ALLOWED");
        assertThat(returnedWithoutComment
                        .path("userErrors")
                        .path(0)
                        .path("field")
                        .toString())
                .isEqualTo("[\"input\",\"comment\"]");
        assertThat(moderated.path("status").asText()).isEqualTo("MODERATED");
        assertThat(moderated.path("moderationComment").asText()).isEqualTo("A thorough return.");
        assertThat(moderated.path("entries").path(2).path("rag").asText()).isEqualTo("AMBER");
        assertThat(moderated.path("entries").path(2).path("moderatedRag").asText())
                .isEqualTo("RED");
        assertThat(TenantData.audit(luton.id()))
                .filteredOn(entry -> entry.startsWith("Section11Audit."))
                .extracting(entry -> entry.substring(0, entry.indexOf(' ')))
                .containsExactly(
                        "Section11Audit.started",
                        "Section11Audit.entryRated",
                        "Section11Audit.entryRated",
                        "Section11Audit.entryRated",
                        "Section11Audit.submitted",
                        "Section11Audit.moderated");
        assertThat(TenantData.query(
                        luton.id(),
                        "SELECT kind || ' ' || (summary->>'status') || ' ' || (summary->>'round')"
                                + " FROM domain_event WHERE kind LIKE 'section11_audit.%' ORDER BY position"))
                .as("refused steps announce nothing")
                .containsExactly(
                        "section11_audit.submitted SUBMITTED 2025", "section11_audit.moderated MODERATED 2025");
    }

    @Test
    void the_next_round_starts_from_the_last_and_only_statutory_partners_are_audited() {
        JsonNode first = start(lead, council, 2024, null).path("section11Audit");
        String criterion = first.path("entries").path(0).path("id").asText();
        rate(criterion, 0, "GREEN", "Lead appointed in 2019", "https://luton.example/lead");
        JsonNode stale = rate(criterion, 0, "RED", "Overwrite", null);
        String charity = fixture.partner("Luton Youth Charity", "pvi-community", false);

        JsonNode next = start(lead, council, 2025, first.path("id").asText()).path("section11Audit");
        JsonNode again = start(lead, council, 2025, null);
        JsonNode notStatutory = start(admin, charity, 2025, null);

        assertThat(stale.path("userErrors").path(0).path("code").asText()).isEqualTo("CONFLICT");
        assertThat(next.path("carriedForwardFrom").path("id").asText())
                .isEqualTo(first.path("id").asText());
        assertThat(next.path("entries").path(0).path("rag").asText()).isEqualTo("GREEN");
        assertThat(next.path("entries").path(0).path("narrative").asText()).isEqualTo("Lead appointed in 2019");
        assertThat(next.path("entries").path(1).path("rag").isNull()).isTrue();
        assertThat(again.path("userErrors").path(0).path("field").toString()).isEqualTo("[\"input\",\"round\"]");
        assertThat(notStatutory.path("userErrors").path(0).path("message").asText())
                .isEqualTo(
                        "Luton Youth Charity is not a statutory partner; only statutory partners complete the Section 11 audit.");
        assertThat(TenantData.rows(luton.id(), "section11_audit")).isEqualTo(2);
    }

    private JsonNode start(ApiCaller caller, String partner, int round, String carryForwardFrom) {
        Map<String, Object> input = new HashMap<>(Map.of("partnerOrganisationId", partner, "round", round));
        if (carryForwardFrom != null) {
            input.put("carryForwardFromId", carryForwardFrom);
        }
        return caller.query(
                        "mutation ($input: StartSection11AuditInput!) { startSection11Audit(input: $input) { " + AUDIT
                                + " userErrors { field message code } } }",
                        Map.of("input", input))
                .data()
                .path("startSection11Audit");
    }

    private JsonNode rate(String entry, long version, String rag, String narrative, String evidence) {
        Map<String, Object> input =
                new HashMap<>(Map.of("id", entry, "version", version, "rag", rag, "narrative", narrative));
        if (evidence != null) {
            input.put("evidence", evidence);
        }
        return lead.query(
                        "mutation ($input: SaveSection11EntryInput!) { saveSection11Entry(input: $input)"
                                + " { section11Entry { rag version } userErrors { field message code } } }",
                        Map.of("input", input))
                .data()
                .path("saveSection11Entry");
    }

    private JsonNode submit(String audit, long version) {
        return lead.query(
                        "mutation ($input: Section11TransitionInput!) { submitSection11Audit(input: $input) { " + AUDIT
                                + " userErrors { field message code } } }",
                        Map.of("input", Map.of("id", audit, "version", version)))
                .data()
                .path("submitSection11Audit");
    }

    private static String moderate() {
        return "mutation ($input: ModerateSection11AuditInput!) { moderateSection11Audit(input: $input) { " + AUDIT
                + " userErrors { field message code } } }";
    }

    private static Map<String, Object> moderation(
            JsonNode audit, long version, String decision, String comment, List<Map<String, Object>> entries) {
        Map<String, Object> input = new HashMap<>(
                Map.of("id", audit.path("id").asText(), "version", version, "decision", decision, "entries", entries));
        if (comment != null) {
            input.put("comment", comment);
        }
        return input;
    }
}
