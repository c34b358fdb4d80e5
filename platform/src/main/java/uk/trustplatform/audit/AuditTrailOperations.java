package uk.trustplatform.audit;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import uk.trustplatform.api.Callers;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.GraphQLTypeWiring;
import uk.trustplatform.api.Nodes;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.SchemaTypes;

/** Query.auditTrail, and the object an entry is about as it is now. */
@Factory
final class AuditTrailOperations {

    @Bean
    @Named("audit.Query")
    GraphQLTypeWiring queries(ReadingAuditTrail reading) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher(
                        "auditTrail",
                        env -> reading.page(
                                Callers.of(env),
                                PageRequest.of(env, ReadingAuditTrail.CURSORS),
                                ReadingAuditTrail.Filter.of(
                                        env.getArgument("objectId"),
                                        env.getArgument("by"),
                                        env.getArgument("from"),
                                        env.getArgument("to"))))
                .build();
    }

    /** The object through its own type's read rules, so the trail never shows what {@code node(id:)} would not. */
    @Bean
    @Named("audit.AuditedObject")
    GraphQLTypeWiring auditedObject(Nodes nodes) {
        return () -> TypeRuntimeWiring.newTypeWiring(SchemaTypes.AUDITED_OBJECT)
                .dataFetcher("node", env -> {
                    AuditedObject object = Fetched.source(env);
                    return nodes.find(object.type(), object.uuid(), Callers.of(env))
                            .orElse(null);
                })
                .build();
    }
}
