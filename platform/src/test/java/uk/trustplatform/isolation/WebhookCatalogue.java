package uk.trustplatform.isolation;

import static uk.trustplatform.isolation.OperationCatalogue.ADMINS_AND_LEAD;
import static uk.trustplatform.isolation.OperationCatalogue.save;

import java.util.List;
import java.util.Map;
import uk.trustplatform.isolation.Operation.Request;

/** The operations on webhook endpoints and their deliveries, as the isolation suite and the permission matrix drive them. */
final class WebhookCatalogue {

    private WebhookCatalogue() {}

    static List<Operation> all() {
        return List.of(
                new Operation(
                        "Query.webhookEndpoints",
                        world -> new Request(
                                "{ webhookEndpoints(first: 20) { edges { cursor node { id url description eventKinds"
                                        + " partnerOrganisation { id name } contactEmail status pausedReason"
                                        + " consecutiveFailures createdAt version deliveries(first: 2) { edges { cursor"
                                        + " node { status eventKind eventId subjectId subjectType attempts"
                                        + " lastResponseCode lastError lastAttemptAt nextAttemptAt deliveredAt createdAt } }"
                                        + " pageInfo { hasNextPage endCursor } } } } pageInfo { hasNextPage endCursor } } }",
                                Map.of()),
                        (reply, world) -> reply.text().contains(world.agencyMarker() + " case system"),
                        ADMINS_AND_LEAD),
                save(
                        "registerWebhookEndpoint",
                        "RegisterWebhookEndpointInput",
                        "endpoint",
                        world -> Map.of(
                                "url",
                                "http://127.0.0.1:9/registered",
                                "eventKinds",
                                List.of("ACTION_PLAN_APPROVED"),
                                "partnerOrganisationId",
                                world.agencyId(),
                                "contactEmail",
                                "systems@agency.example"),
                        ADMINS_AND_LEAD),
                // A second pause or resume is refused by the endpoint's state once access is decided.
                webhookStatus("pauseWebhookEndpoint"),
                webhookStatus("resumeWebhookEndpoint"),
                new Operation(
                        "Mutation.removeWebhookEndpoint",
                        world -> new Request(
                                "mutation ($input: WebhookEndpointVersionInput!) { removeWebhookEndpoint(input: $input)"
                                        + " { removedId userErrors { field message code } } }",
                                Map.of("input", Map.of("id", world.freshWebhook(), "version", 0))),
                        (reply, world) -> reply.data()
                                .path("removeWebhookEndpoint")
                                .path("removedId")
                                .isTextual(),
                        ADMINS_AND_LEAD));
    }

    /** Pausing or resuming the agency's webhook endpoint at its current version. */
    private static Operation webhookStatus(String field) {
        return save(
                field,
                "WebhookEndpointVersionInput",
                "endpoint",
                world -> Map.of(
                        "id",
                        world.agencyWebhook(),
                        "version",
                        world.versionOf("webhook_endpoint", world.agencyWebhook())),
                ADMINS_AND_LEAD);
    }
}
