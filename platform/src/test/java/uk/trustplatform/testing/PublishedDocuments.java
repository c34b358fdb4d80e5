package uk.trustplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import uk.trustplatform.testing.ApiCaller.Reply;

/** Puts a configuration document in force through the API, as a tenant admin would: saved, then published. */
public final class PublishedDocuments {

    private final ApiCaller admin;

    public PublishedDocuments(ApiCaller admin) {
        this.admin = admin;
    }

    /**
     * Saves the document with {@code field} (for example saveVocabularies) and publishes it; its id.
     *
     * @param payloadField the document's field in the input and the payload (for example vocabularies)
     */
    public String publish(String field, String inputType, String payloadField, Map<String, Object> content) {
        Reply saved = admin.query(
                "mutation ($input: " + inputType + "!) { " + field + "(input: $input) { " + payloadField
                        + " { id } userErrors { field message } } }",
                Map.of("input", Map.of(payloadField, content)));
        JsonNode payload = saved.data().path(field);
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().has("errors")).as(saved.text()).isFalse();
        assertThat(payload.path("userErrors")).as(saved.text()).isEmpty();
        String id = payload.path(payloadField).path("id").asText();
        Reply published = admin.query(
                "mutation ($input: PublishDocumentInput!) { publishDocument(input: $input) { userErrors { message } } }",
                Map.of("input", Map.of("id", id, "version", 0)));
        assertThat(published.data().path("publishDocument").path("userErrors"))
                .as(published.text())
                .isEmpty();
        return id;
    }
}
