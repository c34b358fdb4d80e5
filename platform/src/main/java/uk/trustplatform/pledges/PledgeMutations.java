package uk.trustplatform.pledges;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The pledge feature's fields on Mutation, each input read into its command at this edge. */
@Factory
final class PledgeMutations {

    @Bean
    @Named("pledges.Mutation")
    GraphQLTypeWiring mutations(KeepingPledgeRegister register, KeepingSection11Audits audits) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "invitePartnerToPledge",
                        env -> register.invite(
                                Callers.of(env), InputFields.input(env).requiredString("partnerOrganisationId")))
                .dataFetcher(
                        "signPledge", env -> register.sign(Callers.of(env), SignPledge.from(InputFields.input(env))))
                .dataFetcher(
                        "registerPledge",
                        env -> register.register(Callers.of(env), PledgeTransition.from(InputFields.input(env))))
                .dataFetcher(
                        "renewPledge", env -> register.renew(Callers.of(env), SignPledge.from(InputFields.input(env))))
                .dataFetcher(
                        "withdrawPledge",
                        env -> register.withdraw(Callers.of(env), PledgeTransition.from(InputFields.input(env))))
                .dataFetcher(
                        "startSection11Audit",
                        env -> audits.start(Callers.of(env), StartSection11Audit.from(InputFields.input(env))))
                .dataFetcher(
                        "saveSection11Entry",
                        env -> audits.saveEntry(Callers.of(env), SaveSection11Entry.from(InputFields.input(env))))
                .dataFetcher(
                        "submitSection11Audit",
                        env -> audits.submit(Callers.of(env), Section11Transition.from(InputFields.input(env))))
                .dataFetcher(
                        "moderateSection11Audit",
                        env -> audits.moderate(Callers.of(env), ModerateSection11Audit.from(InputFields.input(env))))
                .build();
    }
}
