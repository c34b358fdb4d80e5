package uk.trustplatform.partners;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;

/**
 * A PartnerOrganisation's fields. Its parent, services, descendants and people are loaded in
 * batches for every organisation of a response at once, and only what the caller may see.
 */
@Singleton
final class PartnerOrganisationWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(PartnerOrganisation.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                PartnerOrganisation.TYPE, source(env).id()))
                .dataFetcher("parent", env -> {
                    UUID parent = source(env).parentId();
                    return parent == null
                            ? CompletableFuture.completedFuture(null)
                            : Fetched.<UUID, PartnerOrganisation>loader(env, ReadingPartnerOrganisations.BY_ID)
                                    .load(parent);
                })
                .dataFetcher(
                        "services",
                        env -> Fetched.<UUID, List<PartnerOrganisation>>loader(
                                        env, ReadingPartnerOrganisations.SERVICES)
                                .load(source(env).id()))
                .dataFetcher(
                        "descendants",
                        env -> Fetched.<UUID, List<PartnerOrganisation>>loader(
                                        env, ReadingPartnerOrganisations.DESCENDANTS)
                                .load(source(env).id()))
                .dataFetcher(
                        "gaps",
                        env -> Fetched.<UUID, FindingPartnerGaps.OfOrganisation>loader(
                                        env, FindingPartnerGaps.OF_ORGANISATION)
                                .load(source(env).id()))
                .dataFetcher(
                        "people",
                        env -> Fetched.<UUID, List<PartnerPerson>>loader(env, ReadingPartnerPeople.OF_ORGANISATION)
                                .load(source(env).id()))
                .build();
    }

    private static PartnerOrganisation source(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
