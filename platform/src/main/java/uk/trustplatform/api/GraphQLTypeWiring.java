package uk.trustplatform.api;

import graphql.schema.idl.TypeRuntimeWiring;

/**
 * One bean per schema type says how that type's fields are fetched. The root types (Query,
 * Mutation) may be wired by several beans, one per feature; a field wired twice stops start-up.
 */
public interface GraphQLTypeWiring {

    TypeRuntimeWiring typeWiring();
}
