package uk.trustplatform.tenancy;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.SchemaTypes;

/** The tenancy feature's fields on Mutation: a platform operator's administration of tenants. */
@Singleton
final class TenancyMutations implements GraphQLTypeWiring {

    private final OnboardingTenant onboarding;
    private final ChangingTenantStatus statuses;

    TenancyMutations(OnboardingTenant onboarding, ChangingTenantStatus statuses) {
        this.onboarding = onboarding;
        this.statuses = statuses;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.MUTATION)
                .dataFetcher(
                        "onboardTenant",
                        env -> onboarding.onboard(
                                Callers.of(env), InputFields.input(env).requiredString("definition")))
                .dataFetcher("setTenantStatus", env -> {
                    InputFields input = InputFields.input(env);
                    return statuses.change(
                            Callers.of(env),
                            input.requiredString("slug"),
                            TenantStatus.valueOf(input.requiredString("status")));
                })
                .build();
    }
}
