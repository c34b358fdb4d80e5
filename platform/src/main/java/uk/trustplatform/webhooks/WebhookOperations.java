package uk.trustplatform.webhooks;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.Map;
import java.util.UUID;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** Webhook endpoints' fields on Query and Mutation, and the fields of their types. */
@Factory
final class WebhookOperations {

    @Bean
    @Named("webhooks.Query")
    GraphQLTypeWiring queries(ReadingWebhookEndpoints reading) {
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "webhookEndpoints",
                        env -> reading.page(Callers.of(env), PageRequest.of(env, ReadingWebhookEndpoints.CURSORS)))
                .build();
    }

    @Bean
    @Named("webhooks.Mutation")
    GraphQLTypeWiring mutations(KeepingWebhookEndpoints keeping) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("registerWebhookEndpoint", env -> keeping.register(Callers.of(env), input(env)))
                .dataFetcher("pauseWebhookEndpoint", env -> keeping.pause(Callers.of(env), input(env)))
                .dataFetcher("resumeWebhookEndpoint", env -> keeping.resume(Callers.of(env), input(env)))
                .dataFetcher("removeWebhookEndpoint", env -> keeping.remove(Callers.of(env), input(env)))
                .build();
    }

    @Bean
    @Named(WebhookEndpoint.TYPE)
    GraphQLTypeWiring endpoint(ReadingWebhookEndpoints reading) {
        return () -> TypeRuntimeWiring.newTypeWiring(WebhookEndpoint.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                WebhookEndpoint.TYPE, endpoint(env).id()))
                .dataFetcher("partnerOrganisation", env -> {
                    UUID organisation = endpoint(env).partnerOrganisationId();
                    return organisation == null
                            ? null
                            : env.<UUID, PartnerOrganisation>getDataLoader(PartnerDirectory.BY_ID)
                                    .load(organisation);
                })
                .dataFetcher(
                        "deliveries",
                        env -> reading.deliveries(
                                endpoint(env), PageRequest.of(env, ReadingWebhookEndpoints.DELIVERY_CURSORS)))
                .build();
    }

    @Bean
    @Named("WebhookDelivery")
    GraphQLTypeWiring delivery() {
        return () -> TypeRuntimeWiring.newTypeWiring("WebhookDelivery")
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

    private static WebhookEndpoint endpoint(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static WebhookDelivery delivery(DataFetchingEnvironment env) {
        return env.getSource();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
