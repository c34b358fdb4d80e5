package uk.trustplatform.api;

import graphql.schema.idl.TypeRuntimeWiring;
import jakarta.inject.Singleton;

/** How the concrete type of an object returned as a Node is told. */
@Singleton
final class NodeWiring implements GraphQLTypeWiring {

    @Override
    public TypeRuntimeWiring typeWiring() {
        return TypeRuntimeWiring.newTypeWiring(SchemaTypes.NODE)
                .typeResolver(env -> env.getSchema().getObjectType(NodeType.of(env.getObject())))
                .build();
    }
}
