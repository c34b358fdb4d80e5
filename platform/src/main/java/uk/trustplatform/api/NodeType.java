package uk.trustplatform.api;

/**
 * Names the GraphQL type of an object returned as a Node: a record or class implementing
 * {@link Typed} says its own type name.
 */
public final class NodeType {

    /** Implemented by domain objects that the API returns as Nodes. */
    public interface Typed {
        String graphQLType();
    }

    private NodeType() {}

    static String of(Object object) {
        if (object instanceof Typed typed) {
            return typed.graphQLType();
        }
        throw new IllegalStateException(
                object.getClass().getName() + " is returned as a Node but does not say its type");
    }
}
