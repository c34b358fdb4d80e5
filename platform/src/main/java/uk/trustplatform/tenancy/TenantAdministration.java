package uk.trustplatform.tenancy;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import java.util.Map;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;

/** The tenancy feature's fields on Mutation: a platform operator's administration of tenants. */
@Singleton
final class TenantAdministration implements GraphQLTypeWiring {

    private final OnboardingTenant onboarding;
    private final ChangingTenantStatus statuses;

    TenantAdministration(OnboardingTenant onboarding, ChangingTenantStatus statuses) {
        this.onboarding = onboarding;
        this.statuses = statuses;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("onboardTenant", env -> onboarding.onboard(Callers.of(env), env.getArgument("definition")))
                .dataFetcher("setTenantStatus", env -> {
                    Map<String, Object> input = env.getArgument("input");
                    return statuses.change(Callers.of(env), (String) input.get("slug"), TenantStatus.valueOf((String)
                            input.get("status")));
                })
                .build();
    }
}
