package uk.trustplatform.notifications;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The notifications feature's fields on Query and Mutation. */
@Factory
final class NotificationOperations {

    @Bean
    @Named("notifications.Query")
    GraphQLTypeWiring queries(ChoosingEmailPreferences choosing, KeepingRequiredNotifications keeping) {
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "emailPreferences",
                        env -> choosing.read(env.getArgument("link"), env.getArgument("tenantSlug"))
                                .orElse(null))
                .dataFetcher("requiredNotifications", env -> keeping.read(Callers.of(env)))
                .build();
    }

    @Bean
    @Named("notifications.Mutation")
    GraphQLTypeWiring mutations(ChoosingEmailPreferences choosing, KeepingRequiredNotifications keeping) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("setEmailPreferences", env -> choosing.save(env.<Map<String, Object>>getArgument("input")))
                .dataFetcher(
                        "setRequiredNotifications",
                        env -> keeping.save(Callers.of(env), env.<Map<String, Object>>getArgument("input")))
                .build();
    }
}
