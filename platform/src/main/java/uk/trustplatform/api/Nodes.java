package uk.trustplatform.api;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Finds any object by global id through its type's {@link NodeResolver}. */
@Singleton
public final class Nodes {

    private final Map<String, NodeResolver> resolvers = new HashMap<>();

    Nodes(List<NodeResolver> resolvers) {
        for (NodeResolver resolver : resolvers) {
            resolver.types().forEach(type -> {
                if (this.resolvers.put(type, resolver) != null) {
                    throw new IllegalStateException("Two node resolvers for type " + type);
                }
            });
        }
    }

    /** The object behind a global id, or null: unknown ids and forbidden ones look the same. */
    public @Nullable Object find(String globalId, Caller caller) {
        return GlobalId.decode(globalId)
                .flatMap(id -> find(id.type(), id.uuid(), caller))
                .orElse(null);
    }

    public Optional<Object> find(String type, UUID id, Caller caller) {
        return Optional.ofNullable(resolvers.get(type)).map(resolver -> resolver.find(id, caller));
    }
}
