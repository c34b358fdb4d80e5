package uk.trustplatform.configuration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Absent lists in input are empty lists in content, so no reader needs a null check. */
final class Lists {

    private Lists() {}

    static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
