package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import uk.trustplatform.testing.ApiCaller.Reply;

/** Checks common to the isolation suite and the permission matrix. */
final class Replies {

    /** Codes that mean the request itself was faulty, so it proves nothing about access. */
    private static final Set<String> MALFORMED = Set.of(
            "BAD_REQUEST", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "LIMIT_EXCEEDED", "BAD_USER_INPUT");

    private Replies() {}

    /** The request was well-formed and was decided on its merits: no server error, no malformed-request error. */
    static void assertDecidedOnAccess(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isLessThan(500);
        if (reply.body() == null) {
            return; // not JSON: an export's CSV
        }
        reply.body()
                .path("errors")
                .forEach(error -> assertThat(
                                error.path("extensions").path("code").asText())
                        .as(reply.text())
                        .isNotIn(MALFORMED));
    }
}
