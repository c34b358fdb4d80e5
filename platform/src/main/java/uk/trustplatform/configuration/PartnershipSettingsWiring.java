package uk.trustplatform.configuration;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.SchemaTypes;

/** The PartnershipSettings type's quiet periods, read apart from its numbers, which other features read often. */
@Singleton
final class PartnershipSettingsWiring implements GraphQLTypeWiring {

    private final KeepingPartnershipSettings settings;

    PartnershipSettingsWiring(KeepingPartnershipSettings settings) {
        this.settings = settings;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.PARTNERSHIP_SETTINGS)
                .dataFetcher(
                        "quietPeriods",
                        env -> settings.quietPeriods(Callers.of(env).requireTenant()))
                .build();
    }
}
