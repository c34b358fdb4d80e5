package uk.trustplatform.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A batch lookup used through a DataLoader. A fresh DataLoader is made for every request from
 * each such bean, so nothing cached ever passes from one caller to another. Loads run on the
 * request's thread, inside the request's transaction.
 *
 * @param <K> the key, usually a row id
 * @param <V> what each key resolves to
 */
public interface PerRequestLoader<K, V> {

    /** The name fetchers use with {@code environment.getDataLoader(name)}. */
    String name();

    /** Values for the keys found; keys not in the map resolve to null. */
    Map<K, V> loadAll(Set<K> keys);

    /**
     * Rows grouped under the keys they belong to, every key present (an empty list when none do),
     * in the rows' order: what a batch load of a list field returns.
     */
    static <K, V> Map<K, List<V>> grouped(Collection<K> keys, Collection<V> rows, Function<V, K> keyOf) {
        Map<K, List<V>> grouped = new HashMap<>();
        keys.forEach(key -> grouped.put(key, new ArrayList<>()));
        rows.forEach(row -> grouped.computeIfAbsent(keyOf.apply(row), key -> new ArrayList<>())
                .add(row));
        return grouped;
    }

    /** A loader from a name and a batch function, for a feature with several loaders. */
    static <K, V> PerRequestLoader<K, V> of(String name, Function<Set<K>, Map<K, V>> batch) {
        return new PerRequestLoader<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<K, V> loadAll(Set<K> keys) {
                return batch.apply(keys);
            }
        };
    }
}
