package uk.trustplatform.api;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/** Query.node: any object by id, under its own type's read rules. */
@Singleton
final class NodeQueries implements GraphQLTypeWiring {

    private final Nodes nodes;

    NodeQueries(Nodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.QUERY)
                .dataFetcher("node", env -> nodes.find(Fetched.required(env, "id"), Callers.of(env)))
                .build();
    }
}
