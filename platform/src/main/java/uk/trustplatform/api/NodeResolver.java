package uk.trustplatform.api;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one type's objects for {@code node(id:)}, applying exactly the read rules of that type's
 * own fields, so an id never reaches what a list or field would refuse.
 */
public interface NodeResolver {

    /** The GraphQL type names (in global ids) this resolver finds. */
    Set<String> types();

    /** The object, or null when it does not exist or the caller may not see it. */
    @Nullable
    Object find(UUID id, Caller caller);
}
