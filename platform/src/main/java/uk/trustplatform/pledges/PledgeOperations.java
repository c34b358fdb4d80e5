package uk.trustplatform.pledges;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;

/** The pledge feature's fields on Query and Mutation. */
@Factory
final class PledgeOperations {

    @Bean
    @Named("pledges.Query")
    GraphQLTypeWiring queries(
            ReadingPledgeRegister register, PublicPledgeRegister published, ReadingSection11Audits audits) {
        return () -> TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher(
                        "pledgeRegistrations",
                        env -> register.page(Callers.of(env), PageRequest.of(env, ReadingPledgeRegister.CURSORS)))
                .dataFetcher(
                        "pledgesDueForRenewal",
                        env -> register.dueForRenewal(Callers.of(env), env.getArgument("withinDays")))
                .dataFetcher("publicPledgeRegister", env -> published.of(env.getArgument("tenantSlug")))
                .dataFetcher(
                        "verifyPledge", env -> published.verify(env.getArgument("tenantSlug"), env.getArgument("code")))
                .dataFetcher(
                        "section11Audits",
                        env -> audits.page(Callers.of(env), PageRequest.of(env, ReadingSection11Audits.CURSORS)))
                .build();
    }

    @Bean
    @Named("pledges.Mutation")
    GraphQLTypeWiring mutations(KeepingPledgeRegister register, KeepingSection11Audits audits) {
        return () -> TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher(
                        "invitePartnerToPledge",
                        env -> register.invite(
                                Callers.of(env), (String) input(env).get("partnerOrganisationId")))
                .dataFetcher("signPledge", env -> register.sign(Callers.of(env), input(env)))
                .dataFetcher("registerPledge", env -> register.register(Callers.of(env), input(env)))
                .dataFetcher("renewPledge", env -> register.renew(Callers.of(env), input(env)))
                .dataFetcher("withdrawPledge", env -> register.withdraw(Callers.of(env), input(env)))
                .dataFetcher("startSection11Audit", env -> audits.start(Callers.of(env), input(env)))
                .dataFetcher("saveSection11Entry", env -> audits.saveEntry(Callers.of(env), input(env)))
                .dataFetcher("submitSection11Audit", env -> audits.submit(Callers.of(env), input(env)))
                .dataFetcher("moderateSection11Audit", env -> audits.moderate(Callers.of(env), input(env)))
                .build();
    }

    private static Map<String, Object> input(DataFetchingEnvironment env) {
        return env.getArgument("input");
    }
}
