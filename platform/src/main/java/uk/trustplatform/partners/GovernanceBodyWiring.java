package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The fields of GovernanceBody. */
@Singleton
final class GovernanceBodyWiring implements GraphQLTypeWiring {

    private final ReadingGovernanceBodies reading;

    GovernanceBodyWiring(ReadingGovernanceBodies reading) {
        this.reading = reading;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.GOVERNANCE_BODY)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                GovernanceBody.TYPE,
                                Fetched.<GovernanceBody>source(env).id()))
                .dataFetcher("parent", env -> {
                    UUID parent = Fetched.<GovernanceBody>source(env).parentId();
                    return parent == null
                            ? null
                            : reading.visible(Callers.of(env), parent).orElse(null);
                })
                .dataFetcher(
                        "memberships",
                        env -> Fetched.<UUID, List<GovernanceMembership>>loader(
                                        env, ReadingGovernanceBodies.MEMBERSHIPS)
                                .load(Fetched.<GovernanceBody>source(env).id()))
                .build();
    }
}
