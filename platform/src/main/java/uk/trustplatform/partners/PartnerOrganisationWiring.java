package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;

/** A PartnerOrganisation's fields. Its parent is loaded in batches and only if the caller may see it. */
@Singleton
final class PartnerOrganisationWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(PartnerOrganisation.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                PartnerOrganisation.TYPE,
                                env.<PartnerOrganisation>getSource().id()))
                .dataFetcher("parent", env -> {
                    UUID parent = env.<PartnerOrganisation>getSource().parentId();
                    return parent == null
                            ? CompletableFuture.completedFuture(null)
                            : env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                    .load(parent);
                })
                .build();
    }
}
