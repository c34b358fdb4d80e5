package uk.trustplatform.inspections;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.UUID;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.inspections.Inspection.Status;
import uk.trustplatform.inspections.InspectionLists.Recommendation;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/** The Inspection type's fields: an inspection by young inspectors, and where it stands. */
@Factory
final class InspectionWiring {

    /** Where an inspection stands, as the API says it: reported, then responded to in full. */
    enum Stage {
        DRAFT,
        REPORTED,
        RESPONDED
    }

    @Bean
    @Named(Inspection.TYPE)
    GraphQLTypeWiring inspection(InspectionLists lists, LondonClock clock) {
        return () -> TypeRuntimeWiring.newTypeWiring(Inspection.TYPE)
                .dataFetcher(
                        "id",
                        env -> GlobalId.encode(Inspection.TYPE, inspection(env).id()))
                .dataFetcher(
                        "partnerOrganisation",
                        env -> Fetched.<UUID, PartnerOrganisation>loader(env, PartnerDirectory.BY_ID)
                                .load(inspection(env).partnerOrganisationId()))
                .dataFetcher("status", env -> stage(lists, inspection(env)))
                .dataFetcher("inspectors", env -> lists.inspectors(inspection(env)))
                .dataFetcher("answers", env -> lists.answers(inspection(env)))
                .dataFetcher("recommendations", env -> lists.recommendations(inspection(env)))
                .dataFetcher("kiteMarkExpired", env -> inspection(env).kiteMarkExpiredOn(clock.today()))
                .build();
    }

    private static Stage stage(InspectionLists lists, Inspection inspection) {
        if (inspection.status() == Status.DRAFT) {
            return Stage.DRAFT;
        }
        return lists.recommendations(inspection).stream().allMatch(Recommendation::responded)
                ? Stage.RESPONDED
                : Stage.REPORTED;
    }

    private static Inspection inspection(DataFetchingEnvironment env) {
        return Fetched.source(env);
    }
}
