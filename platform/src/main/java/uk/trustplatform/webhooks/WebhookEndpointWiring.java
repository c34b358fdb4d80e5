package uk.trustplatform.webhooks;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** The fields of WebhookEndpoint. */
@Singleton
final class WebhookEndpointWiring implements GraphQLTypeWiring {

    private final ReadingWebhookEndpoints reading;

    WebhookEndpointWiring(ReadingWebhookEndpoints reading) {
        this.reading = reading;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.WEBHOOK_ENDPOINT)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                WebhookEndpoint.TYPE, endpoint(env).id()))
                .dataFetcher("partnerOrganisation", env -> {
                    UUID organisation = endpoint(env).partnerOrganisationId();
                    return organisation == null
                            ? null
                            : Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                                    .load(organisation);
                })
                .dataFetcher(
                        "deliveries",
                        env -> reading.deliveries(
                                endpoint(env), PageRequest.of(env, ReadingWebhookEndpoints.DELIVERY_CURSORS)))
                .build();
    }

    private static WebhookEndpoint endpoint(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
