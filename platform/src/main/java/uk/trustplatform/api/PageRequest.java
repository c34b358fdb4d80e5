package uk.trustplatform.api;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * {@code first} and {@code after} of a connection field, checked. Cursors are opaque to clients:
 * the sort key of the last row seen, base64url-encoded.
 *
 * @param first how many rows the page holds
 * @param after the sort key to continue after; empty for the first page
 */
public record PageRequest(int first, List<String> after) {

    private static final String SEPARATOR = "\u001f";

    /** The paging arguments of a connection field, or a BAD_USER_INPUT error naming the argument. */
    public static PageRequest of(DataFetchingEnvironment env, int keyParts) {
        Integer first = env.getArgument("first");
        if (first == null || first < 0) {
            throw new ApiException(ErrorCode.BAD_USER_INPUT, "Argument 'first' must be zero or more.");
        }
        String after = env.getArgument("after");
        return new PageRequest(first, after == null ? List.of() : decode(after, keyParts));
    }

    public boolean continues() {
        return !after.isEmpty();
    }

    public String afterKey(int index) {
        return after.get(index);
    }

    /** Rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }

    public static String cursor(String... sortKey) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> decode(String cursor, int keyParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> parts = Arrays.asList(raw.split(SEPARATOR, -1));
            if (parts.size() == keyParts) {
                return parts;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, the same as a cursor of the wrong shape
        }
        throw new ApiException(ErrorCode.BAD_USER_INPUT, "Argument 'after' is not a cursor from this list.");
    }
}
