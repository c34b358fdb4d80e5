package uk.trustplatform.webhooks;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** The webhooks feature's fields on Query. */
@Singleton
final class WebhookQueries implements GraphQLTypeWiring {

    private final ReadingWebhookEndpoints reading;

    WebhookQueries(ReadingWebhookEndpoints reading) {
        this.reading = reading;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "webhookEndpoints",
                        env -> reading.page(Callers.of(env), PageRequest.of(env, ReadingWebhookEndpoints.CURSORS)))
                .build();
    }
}
