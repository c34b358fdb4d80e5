package uk.trustplatform.partners;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The fields of governance bodies, their memberships, and the partner gaps, one wiring per type. */
@Factory
final class GovernanceWiring {

    @Bean
    @Named(GovernanceBody.TYPE)
    GraphQLTypeWiring governanceBody(ReadingGovernanceBodies reading) {
        return () -> TypeRuntimeWiring.newTypeWiring(GovernanceBody.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                GovernanceBody.TYPE,
                                env.<GovernanceBody>getSource().id()))
                .dataFetcher("parent", env -> {
                    UUID parent = env.<GovernanceBody>getSource().parentId();
                    return parent == null
                            ? null
                            : reading.visible(Callers.of(env), parent).orElse(null);
                })
                .dataFetcher(
                        "memberships",
                        env -> env.<UUID, List<GovernanceMembership>>getDataLoader(ReadingGovernanceBodies.MEMBERSHIPS)
                                .load(env.<GovernanceBody>getSource().id()))
                .build();
    }

    @Bean
    @Named(GovernanceMembership.TYPE)
    GraphQLTypeWiring governanceMembership() {
        return () -> TypeRuntimeWiring.newTypeWiring(GovernanceMembership.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(
                                GovernanceMembership.TYPE,
                                env.<GovernanceMembership>getSource().id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                .load(env.<GovernanceMembership>getSource().partnerOrganisationId()))
                .dataFetcher("person", env -> {
                    UUID person = env.<GovernanceMembership>getSource().partnerPersonId();
                    return person == null
                            ? CompletableFuture.completedFuture(null)
                            : env.<UUID, PartnerPerson>getDataLoader(ReadingPartnerPeople.BY_ID)
                                    .load(person);
                })
                .build();
    }

    @Bean
    @Named(SchemaTypes.PARTNER_GAPS)
    GraphQLTypeWiring partnerGaps() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.PARTNER_GAPS)
                .dataFetcher(
                        "withoutStrategicLead",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                .loadMany(
                                        env.<FindingPartnerGaps.Gaps>getSource().withoutStrategicLead()))
                .build();
    }

    @Bean
    @Named(SchemaTypes.CHAMPION_SHORTFALL)
    GraphQLTypeWiring championShortfall() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.CHAMPION_SHORTFALL)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> env.<UUID, PartnerOrganisation>getDataLoader(ReadingPartnerOrganisations.BY_ID)
                                .load(env.<FindingPartnerGaps.Shortfall>getSource()
                                        .partnerOrganisationId()))
                .build();
    }
}
