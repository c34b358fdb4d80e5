package uk.trustplatform.configuration;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.NodeType;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.configuration.StrategyContent.OutcomeFramework;
import uk.trustplatform.tenancy.TenantTransactions;

/** One wiring per document type, each fetching through {@link DocumentFields}, plus their special fields. */
@Factory
final class DocumentTypeWirings {

    /** An outcome with the name of its level, as the schema shows it. */
    record OutcomeView(String ref, int level, String levelName, String parent, String text) {}

    record OutcomeFrameworkView(List<String> levels, List<OutcomeView> outcomes) {}

    /** An endorsement as the schema shows it. */
    record EndorsementView(UUID partnerOrganisationId, String endorsedBy, OffsetDateTime endorsedAt) {}

    @Bean
    @Named(SchemaTypes.STANDARDS_FRAMEWORK)
    GraphQLTypeWiring standardsFramework(ReadingDocuments reading) {
        return () -> plain(DocumentKind.STANDARDS_FRAMEWORK, reading).build();
    }

    @Bean
    @Named(SchemaTypes.ACTION_PLAN_TEMPLATE)
    GraphQLTypeWiring actionPlanTemplate(ReadingDocuments reading) {
        return () -> plain(DocumentKind.ACTION_PLAN_TEMPLATE, reading).build();
    }

    @Bean
    @Named(SchemaTypes.PLEDGE)
    GraphQLTypeWiring pledge(ReadingDocuments reading) {
        return () -> plain(DocumentKind.PLEDGE, reading).build();
    }

    @Bean
    @Named(SchemaTypes.VOCABULARIES)
    GraphQLTypeWiring vocabularies(ReadingDocuments reading) {
        return () -> plain(DocumentKind.VOCABULARIES, reading).build();
    }

    @Bean
    @Named(SchemaTypes.GUIDANCE)
    GraphQLTypeWiring guidance(ReadingDocuments reading) {
        return () -> plain(DocumentKind.GUIDANCE, reading).build();
    }

    /** What a tenant has published; its guidance may be asked for by key, as one document's page does. */
    @Bean
    @Named(SchemaTypes.PUBLISHED_CONFIGURATION)
    GraphQLTypeWiring publishedConfiguration() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.PUBLISHED_CONFIGURATION)
                .dataFetcher("guidance", env -> {
                    String key = env.getArgument("key");
                    List<DocumentView> guidance = Fetched.<PublishedConfigurations.Published>source(env)
                            .guidance();
                    return key == null
                            ? guidance
                            : guidance.stream()
                                    .filter(view -> view.record().key().equals(key))
                                    .toList();
                })
                .build();
    }

    @Bean
    @Named(SchemaTypes.STRATEGY)
    GraphQLTypeWiring strategy(ReadingDocuments reading, Endorsements endorsements, TenantTransactions transactions) {
        return () -> plain(DocumentKind.STRATEGY, reading)
                .dataFetcher(
                        "outcomeFramework",
                        env -> framework(((StrategyContent)
                                        Fetched.<DocumentView>source(env).content())
                                .outcomeFramework()))
                .dataFetcher("endorsements", env -> {
                    DocumentRecord record = Fetched.<DocumentView>source(env).record();
                    if (record.tenantId() == null) {
                        return List.of();
                    }
                    UUID tenant = UUID.fromString(record.tenantId());
                    Caller caller = Callers.of(env);
                    // A published strategy read anonymously: its endorsements are read in the tenant's own transaction.
                    List<Endorsements.Endorsement> found = tenant.equals(caller.tenantId())
                            ? endorsements.of(tenant, List.of(record.id()))
                            : transactions.inTenant(tenant, false, () -> endorsements.of(tenant, List.of(record.id())));
                    return found.stream()
                            .map(e -> new EndorsementView(e.partnerOrganisationId(), e.endorsedBy(), e.endorsedAt()))
                            .toList();
                })
                .build();
    }

    @Bean
    @Named(SchemaTypes.CHARTER)
    GraphQLTypeWiring charter(ReadingDocuments reading, Nodes nodes) {
        return () -> plain(DocumentKind.CHARTER, reading)
                .dataFetcher("partnerOrganisation", env -> {
                    UUID partner = Fetched.<DocumentView>source(env).record().partnerOrganisationId();
                    return partner == null
                            ? null
                            : nodes.find(SchemaTypes.PARTNER_ORGANISATION, partner, Callers.of(env))
                                    .orElse(null);
                })
                .build();
    }

    @Bean
    @Named(SchemaTypes.ENDORSEMENT)
    GraphQLTypeWiring endorsement(Nodes nodes) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.ENDORSEMENT)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> nodes.find(
                                        SchemaTypes.PARTNER_ORGANISATION,
                                        Fetched.<EndorsementView>source(env).partnerOrganisationId(),
                                        Callers.of(env))
                                .orElse(null))
                .build();
    }

    @Bean
    @Named(SchemaTypes.CHARTER_ADOPTION)
    GraphQLTypeWiring charterAdoption(Nodes nodes) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.CHARTER_ADOPTION)
                .dataFetcher(
                        "partnerOrganisation",
                        env -> nodes.find(
                                        SchemaTypes.PARTNER_ORGANISATION,
                                        Fetched.<AdoptingCharter.CharterAdoption>source(env)
                                                .partnerOrganisationId(),
                                        Callers.of(env))
                                .orElse(null))
                .dataFetcher(
                        "charter",
                        env -> nodes.find(
                                        DocumentKind.CHARTER.graphQLType(),
                                        Fetched.<AdoptingCharter.CharterAdoption>source(env)
                                                .charterId(),
                                        Callers.of(env))
                                .orElse(null))
                .build();
    }

    @Bean
    @Named(SchemaTypes.CONFIGURATION_DOCUMENT)
    GraphQLTypeWiring configurationDocument() {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.CONFIGURATION_DOCUMENT)
                .typeResolver(env -> env.getSchema().getObjectType(((NodeType.Typed) env.getObject()).graphQLType()))
                .build();
    }

    private static TypeRuntimeWiring.Builder plain(DocumentKind kind, ReadingDocuments reading) {
        return TypeRuntimeWiring.newTypeWiring(kind.graphQLType()).defaultDataFetcher(new DocumentFields(reading));
    }

    private static @Nullable OutcomeFrameworkView framework(@Nullable OutcomeFramework framework) {
        if (framework == null) {
            return null;
        }
        List<String> levels = framework.levels();
        return new OutcomeFrameworkView(
                levels,
                framework.outcomes().stream()
                        .map(o -> new OutcomeView(o.ref(), o.level(), levels.get(o.level() - 1), o.parent(), o.text()))
                        .toList());
    }
}
