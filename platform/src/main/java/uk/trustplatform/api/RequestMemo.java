package uk.trustplatform.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What a request works out once and uses again: the caller's reach in its partnership's hierarchy,
 * read in the request's own transaction, is the same for every field of the request. Bound by
 * {@link GraphQLExecutor} for the length of one execution; work outside any request (a scheduled
 * job) works everything out each time. Whatever a request changes must be forgotten by the code
 * that changes it, so the rest of the request sees the change.
 */
public final class RequestMemo {

    static final ScopedValue<RequestMemo> CURRENT = ScopedValue.newInstance();

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    /** The value kept for {@code key} in this request, worked out by {@code work} the first time. */
    @SuppressWarnings("unchecked")
    public static <T> T of(Object key, Supplier<T> work) {
        if (!CURRENT.isBound()) {
            return work.get();
        }
        Map<Object, Object> values = CURRENT.get().values;
        Object known = values.get(key);
        if (known == null) {
            // Not computeIfAbsent: the work may read the database, and must not hold the map's lock meanwhile.
            known = work.get();
            values.put(key, known);
        }
        return (T) known;
    }

    /** Forgets this request's values kept under keys of this type, after a change to what they were worked out from. */
    public static void forget(Class<?> keyType) {
        if (CURRENT.isBound()) {
            CURRENT.get().values.keySet().removeIf(keyType::isInstance);
        }
    }
}
