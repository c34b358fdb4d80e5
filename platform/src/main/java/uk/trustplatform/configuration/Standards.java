package uk.trustplatform.configuration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError.Code;

/**
 * The standards frameworks a document may refer to, by key, with the numbers of their standards:
 * a template section or a pledge commitment naming a standard the framework lacks is refused.
 */
record Standards(Map<String, Set<String>> byFramework) {

    static Standards none() {
        return new Standards(Map.of());
    }

    Optional<Set<String>> of(String framework) {
        return Optional.ofNullable(byFramework.get(framework));
    }

    /** These standards and those of one more framework (one being saved alongside). */
    Standards with(String framework, Set<String> numbers) {
        var all = new HashMap<>(byFramework);
        all.put(framework, numbers);
        return new Standards(Map.copyOf(all));
    }

    /** Checks a reference to a framework's standard, adding a NOT_FOUND problem when it does not exist. */
    void check(Problems at, String field, @Nullable String framework, @Nullable String standard) {
        if (framework == null) {
            return;
        }
        Optional<Set<String>> numbers = of(framework);
        if (numbers.isEmpty()) {
            at.add(Code.NOT_FOUND, field, "there is no standards framework '" + framework + "'.");
        } else if (standard != null && !numbers.get().contains(standard)) {
            at.add(Code.NOT_FOUND, field, "framework '" + framework + "' has no standard " + standard + ".");
        }
    }
}
