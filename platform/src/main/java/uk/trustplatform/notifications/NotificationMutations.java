package uk.trustplatform.notifications;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The notifications feature's fields on Mutation. */
@Singleton
final class NotificationMutations implements GraphQLTypeWiring {

    private final ChoosingEmailPreferences choosing;
    private final KeepingRequiredNotifications keeping;

    NotificationMutations(ChoosingEmailPreferences choosing, KeepingRequiredNotifications keeping) {
        this.choosing = choosing;
        this.keeping = keeping;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "setEmailPreferences", env -> choosing.save(SetEmailPreferences.from(InputFields.input(env))))
                .dataFetcher(
                        "setRequiredNotifications",
                        env -> keeping.save(Callers.of(env), SetRequiredNotifications.from(InputFields.input(env))))
                .build();
    }
}
