package uk.trustplatform.api;

import graphql.schema.DataFetchingEnvironment;
import java.util.List;

/**
 * {@code first} and {@code after} of a connection field, checked. The list's {@link CursorShape}
 * reads {@code after} and makes the cursors of the page, so only a cursor this list issued is
 * ever read back.
 *
 * @param first how many rows the page holds
 * @param shape the list's cursors
 * @param after the sort key to continue after, each part checked against the shape; empty for the first page
 */
public record PageRequest(int first, CursorShape shape, List<String> after) {

    /** The paging arguments of a connection field, or a BAD_USER_INPUT error naming the argument. */
    public static PageRequest of(DataFetchingEnvironment env, CursorShape shape) {
        Integer first = env.getArgument("first");
        if (first == null || first < 0) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "Argument 'first' must be zero or more.");
        }
        String after = env.getArgument("after");
        if (after == null) {
            return firstPage(shape, first);
        }
        return shape.read(after)
                .map(key -> new PageRequest(first, shape, key))
                .orElseThrow(() ->
                        new ApiException(ErrorCode.BAD_USER_INPUT, "Argument 'after' is not a cursor from this list."));
    }

    /** The first {@code first} rows of the list. */
    public static PageRequest firstPage(CursorShape shape, int first) {
        return new PageRequest(first, shape, List.of());
    }

    public boolean continues() {
        return !after.isEmpty();
    }

    /** One part of the sort key to continue after, as text that parses as the part's type. */
    public String afterKey(int index) {
        return after.get(index);
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }

    /** The cursor of a row of this list, from its sort key. */
    public String cursor(Object... sortKey) {
        return shape.cursor(sortKey);
    }
}
