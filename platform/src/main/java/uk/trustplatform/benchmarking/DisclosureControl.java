package uk.trustplatform.benchmarking;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides which of one tenant's figures may be shown outside it. A figure built from fewer than
 * {@code k} records is suppressed (primary suppression). Where a group's total is shown and exactly
 * one of its breakdowns is suppressed, that one could be worked out as the total minus the others,
 * so the smallest other breakdown is suppressed too, or the total when there is no other
 * (complementary suppression).
 */
final class DisclosureControl {

    private DisclosureControl() {}

    /** The keys of the figures to suppress. */
    static Set<String> suppressed(List<IndicatorValue> values, int k) {
        Set<String> suppressed = values.stream()
                .filter(value -> value.records() < k)
                .map(IndicatorValue::key)
                .collect(Collectors.toCollection(HashSet::new));
        Map<String, IndicatorValue> byKey =
                values.stream().collect(Collectors.toMap(IndicatorValue::key, Function.identity()));
        Map<String, List<IndicatorValue>> groups = values.stream()
                .filter(value -> !value.total() && !value.group().isEmpty())
                .collect(
                        Collectors.groupingBy(value -> value.indicator() + "|" + value.period() + "|" + value.group()));
        for (List<IndicatorValue> members : groups.values()) {
            IndicatorValue first = members.getFirst();
            String totalKey = first.indicator() + "|" + first.period() + "|" + first.totalOfGroup();
            boolean totalShown = byKey.containsKey(totalKey) && !suppressed.contains(totalKey);
            long hidden =
                    members.stream().filter(m -> suppressed.contains(m.key())).count();
            if (!totalShown || hidden != 1) {
                continue;
            }
            Optional<IndicatorValue> partner = members.stream()
                    .filter(m -> !suppressed.contains(m.key()))
                    .min(Comparator.comparingInt(IndicatorValue::records));
            suppressed.add(partner.map(IndicatorValue::key).orElse(totalKey));
        }
        return suppressed;
    }
}
