package uk.trustplatform.api;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finds any object by global id through its type's {@link NodeResolver}. */
@Singleton
public final class Nodes {

    private final Map<String, NodeResolver> resolvers;

    Nodes(List<NodeResolver> resolvers) {
        this.resolvers = resolvers.stream().collect(Collectors.toMap(NodeResolver::type, Function.identity()));
    }

    /** The object behind a global id, or null: unknown ids and forbidden ones look the same. */
    public Object find(String globalId, Caller caller) {
        return GlobalId.decode(globalId)
                .flatMap(id -> find(id.type(), id.uuid(), caller))
                .orElse(null);
    }

    public Optional<Object> find(String type, UUID id, Caller caller) {
        return Optional.ofNullable(resolvers.get(type)).map(resolver -> resolver.find(id, caller));
    }
}
