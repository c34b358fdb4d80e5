package uk.trustplatform.pledges;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** The pledge feature's fields on Query. */
@Factory
final class PledgeQueries {

    @Bean
    @Named("pledges.Query")
    GraphQLTypeWiring queries(
            ReadingPledgeRegister register, PublicPledgeRegister published, ReadingSection11Audits audits) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "pledgeRegistrations",
                        env -> register.page(Callers.of(env), PageRequest.of(env, ReadingPledgeRegister.CURSORS)))
                .dataFetcher(
                        "pledgesDueForRenewal",
                        env -> register.dueForRenewal(Callers.of(env), env.getArgument("withinDays")))
                .dataFetcher("publicPledgeRegister", env -> published.of(Fetched.required(env, "tenantSlug")))
                .dataFetcher(
                        "verifyPledge",
                        env -> published.verify(Fetched.required(env, "tenantSlug"), Fetched.required(env, "code")))
                .dataFetcher(
                        "section11Audits",
                        env -> audits.page(Callers.of(env), PageRequest.of(env, ReadingSection11Audits.CURSORS)))
                .build();
    }
}
