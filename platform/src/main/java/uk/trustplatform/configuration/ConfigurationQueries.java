package uk.trustplatform.configuration;

import graphql.schema.DataFetcher;
import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** The configuration feature's fields on Query. */
@Singleton
final class ConfigurationQueries implements GraphQLTypeWiring {

    private final ReadingDocuments reading;
    private final AdoptingCharter adopting;
    private final PublishedConfigurations published;
    private final StarterKits kits;
    private final KeepingPartnershipSettings settings;

    ConfigurationQueries(
            ReadingDocuments reading,
            AdoptingCharter adopting,
            PublishedConfigurations published,
            StarterKits kits,
            KeepingPartnershipSettings settings) {
        this.reading = reading;
        this.adopting = adopting;
        this.published = published;
        this.kits = kits;
        this.settings = settings;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher("standardsFrameworks", list(DocumentKind.STANDARDS_FRAMEWORK))
                .dataFetcher("strategies", list(DocumentKind.STRATEGY))
                .dataFetcher("actionPlanTemplates", list(DocumentKind.ACTION_PLAN_TEMPLATE))
                .dataFetcher("charters", list(DocumentKind.CHARTER))
                .dataFetcher("pledges", list(DocumentKind.PLEDGE))
                .dataFetcher("guidance", list(DocumentKind.GUIDANCE))
                .dataFetcher("vocabularies", env -> {
                    Caller caller = Callers.of(env);
                    caller.requireTenant();
                    return reading.single(caller, DocumentKind.VOCABULARIES).orElse(null);
                })
                .dataFetcher("charterAdoptions", env -> adopting.adoptions(Callers.of(env)))
                .dataFetcher(
                        "publishedConfiguration",
                        env -> published.of(Fetched.required(env, "tenantSlug"), Callers.of(env)))
                .dataFetcher("starterKits", env -> kits.all())
                .dataFetcher(
                        "partnershipSettings",
                        env -> settings.current(Callers.of(env).requireTenant()))
                .build();
    }

    private DataFetcher<?> list(DocumentKind kind) {
        return env -> reading.page(Callers.of(env), kind, PageRequest.of(env, ReadingDocuments.cursors(kind)));
    }
}
