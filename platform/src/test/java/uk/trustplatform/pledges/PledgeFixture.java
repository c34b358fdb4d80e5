package uk.trustplatform.pledges;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.PublishedDocuments;

/**
 * A tenant with Luton's pledge in force, arranged through the API as its admin would: two of the
 * nine standards with their criteria, the partner categories, the pledge (renewed yearly).
 */
public final class PledgeFixture {

    private final ApiCaller admin;
    private final PublishedDocuments documents;

    public PledgeFixture(ApiCaller admin) {
        this.admin = admin;
        this.documents = new PublishedDocuments(admin);
    }

    public void publishPledge() {
        documents.publish(
                "saveStandardsFramework",
                "SaveStandardsFrameworkInput",
                "standardsFramework",
                Map.of(
                        "key",
                        "luton-standards",
                        "name",
                        "Standards for good practice",
                        "standards",
                        List.of(
                                Map.of(
                                        "number",
                                        "1",
                                        "title",
                                        "Strategic lead",
                                        "criteria",
                                        List.of(
                                                Map.of("number", "1.1", "text", "A strategic lead person is appointed"),
                                                Map.of("number", "1.2", "text", "Policies are reviewed"))),
                                Map.of("number", "8", "title", "Complaints and allegations"))));
        documents.publish(
                "saveVocabularies",
                "SaveVocabulariesInput",
                "vocabularies",
                Map.of(
                        "partnerCategories",
                        List.of(
                                Map.of(
                                        "code",
                                        "statutory-lscb-member",
                                        "label",
                                        "Statutory members of the Luton Safeguarding Children Board"),
                                Map.of(
                                        "code",
                                        "pvi-community",
                                        "label",
                                        "Private, voluntary, Independent and Community groups/agencies"))));
        documents.publish(
                "savePledge",
                "SavePledgeInput",
                "pledge",
                Map.of(
                        "title",
                        "The Luton Safeguarding Children Pledge",
                        "framework",
                        "luton-standards",
                        "statement",
                        "I agree to ensure that the following Standards are promoted and delivered within the agency I represent.",
                        "commitments",
                        List.of(
                                Map.of("standard", "1", "text", "A strategic lead person is appointed."),
                                Map.of("standard", "8", "text", "Written procedures for allegations.")),
                        "signatureFields",
                        List.of("Signed", "Post Held", "Organisation", "Date"),
                        "renewalMonths",
                        12));
    }

    /** Registers a partner organisation; its global id. */
    public String partner(String name, String category, boolean statutory) {
        Reply reply = admin.query(
                "mutation ($input: RegisterPartnerOrganisationInput!) { registerPartnerOrganisation(input: $input)"
                        + " { partnerOrganisation { id } userErrors { message } } }",
                Map.of("input", Map.of("name", name, "category", category, "statutory", statutory)));
        JsonNode id = reply.data()
                .path("registerPartnerOrganisation")
                .path("partnerOrganisation")
                .path("id");
        assertThat(id.isTextual()).as(reply.text()).isTrue();
        return id.asText();
    }

    /** Invites the partner, signs on its behalf on {@code signedOn} and registers the pledge; its badge code. */
    public String registered(String partner, LocalDate signedOn) {
        String id = step(
                        "invitePartnerToPledge", "InvitePartnerToPledgeInput", Map.of("partnerOrganisationId", partner))
                .path("id")
                .asText();
        step(
                "signPledge",
                "SignPledgeInput",
                Map.of(
                        "id",
                        id,
                        "version",
                        0,
                        "signatory",
                        "Catherine Barrett",
                        "postHeld",
                        "Chief Executive",
                        "onBehalfOf",
                        "The organisation",
                        "signedOn",
                        signedOn.toString()));
        return step("registerPledge", "PledgeTransitionInput", Map.of("id", id, "version", 1))
                .path("badge")
                .path("code")
                .asText();
    }

    private JsonNode step(String field, String inputType, Map<String, Object> input) {
        Reply reply = admin.query(
                "mutation ($input: " + inputType + "!) { " + field + "(input: $input)"
                        + " { pledgeRegistration { id badge { code } } userErrors { field message } } }",
                Map.of("input", input));
        JsonNode payload = reply.data().path(field);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.body().has("errors")).as(reply.text()).isFalse();
        assertThat(payload.path("userErrors")).as(reply.text()).isEmpty();
        return payload.path("pledgeRegistration");
    }
}
