package uk.trustplatform.notifications;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The notifications feature's fields on Query. */
@Singleton
final class NotificationQueries implements GraphQLTypeWiring {

    private final ChoosingEmailPreferences choosing;
    private final KeepingRequiredNotifications keeping;

    NotificationQueries(ChoosingEmailPreferences choosing, KeepingRequiredNotifications keeping) {
        this.choosing = choosing;
        this.keeping = keeping;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "emailPreferences",
                        env -> choosing.read(Fetched.required(env, "link"), env.getArgument("tenantSlug"))
                                .orElse(null))
                .dataFetcher("requiredNotifications", env -> keeping.read(Callers.of(env)))
                .build();
    }
}
