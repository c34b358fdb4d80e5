package uk.trustplatform.webhooks;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The fields of WebhookDelivery. */
@Singleton
final class WebhookDeliveryWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.WEBHOOK_DELIVERY)
                .dataFetcher(
                        "eventId",
                        env -> GlobalId.encode(
                                WebhookDelivery.EVENT_TYPE, delivery(env).eventId()))
                .dataFetcher(
                        "subjectId",
                        env -> GlobalId.encode(
                                delivery(env).subjectType(), delivery(env).subjectId()))
                .build();
    }

    private static WebhookDelivery delivery(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
