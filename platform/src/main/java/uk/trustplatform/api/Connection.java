package uk.trustplatform.api;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A Relay connection: one page of a list and where the next page starts.
 *
 * @param <T> the node type
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(boolean hasNextPage, @Nullable String endCursor) {}

    /**
     * Builds a page from rows fetched with one more than the page size, which tells whether
     * another page follows without counting.
     */
    public static <T> Connection<T> fromRowsPlusOne(List<T> rows, PageRequest page, Function<T, String> cursorOf) {
        boolean hasNext = rows.size() > page.first();
        List<Edge<T>> edges = rows.stream()
                .limit(page.first())
                .map(row -> new Edge<>(cursorOf.apply(row), row))
                .toList();
        return new Connection<>(
                edges,
                new PageInfo(hasNext, edges.isEmpty() ? null : edges.getLast().cursor()));
    }
}
