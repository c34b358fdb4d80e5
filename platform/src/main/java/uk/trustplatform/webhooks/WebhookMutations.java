package uk.trustplatform.webhooks;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The webhooks feature's fields on Mutation. */
@Singleton
final class WebhookMutations implements GraphQLTypeWiring {

    private final KeepingWebhookEndpoints keeping;

    WebhookMutations(KeepingWebhookEndpoints keeping) {
        this.keeping = keeping;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "registerWebhookEndpoint",
                        env -> keeping.register(Callers.of(env), RegisterWebhookEndpoint.from(InputFields.input(env))))
                .dataFetcher("pauseWebhookEndpoint", env -> keeping.pause(Callers.of(env), endpoint(env)))
                .dataFetcher("resumeWebhookEndpoint", env -> keeping.resume(Callers.of(env), endpoint(env)))
                .dataFetcher("removeWebhookEndpoint", env -> keeping.remove(Callers.of(env), endpoint(env)))
                .build();
    }

    private static WebhookEndpointVersion endpoint(DataFetchingEnvironment env) {
        return WebhookEndpointVersion.from(InputFields.input(env));
    }
}
