package uk.trustplatform.selfassessment;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The self-assessments' figures for the features that count them (benchmarking): per year,
 * framework, built-in scale and standard (or criterion), how many partners rated it at each level,
 * from submitted and agreed assessments only, in one query over the current transaction's tenant.
 * A tenant's own scales are left out: their levels mean nothing to another tenant.
 */
@Singleton
public final class SelfAssessmentFigures {

    /**
     * One standard (or criterion) of one year's assessments against a framework on one scale.
     *
     * @param item the criterion's number, or the standard's where it has no criteria
     * @param assessed the partners whose assessment rates it
     * @param levels each level of the scale, from the first to the furthest, with its partners
     */
    public record Item(int year, String framework, String scale, String item, int assessed, List<Level> levels) {}

    public record Level(String level, int partners) {}

    private record Key(int year, String framework, String scale, String item) {}

    // The built-in scales by their stored names, so a scale a tenant defines never enters a comparison.
    private static final Map<String, List<String>> BUILT_IN = Map.of(
            RatingScale.HEAR_BY_RIGHT.code(), RatingScale.HEAR_BY_RIGHT.codes(),
            RatingScale.RAG.code(), RatingScale.RAG.codes());
    private static final String BY_LEVEL = """
            SELECT a.year, a.framework, a.scale, r.criterion, r.level, count(*)
            FROM self_assessment a
            JOIN self_assessment_rating r ON r.tenant_id = a.tenant_id AND r.assessment_id = a.id
            WHERE a.tenant_id = ? AND a.status IN ('SUBMITTED', 'AGREED') AND a.scale IN ('HEAR_BY_RIGHT', 'RAG')
            GROUP BY a.year, a.framework, a.scale, r.criterion, r.level
            ORDER BY a.year, a.framework, a.scale, r.criterion""";

    private final JdbcOperations jdbc;

    SelfAssessmentFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every year's, framework's and built-in scale's items of the tenant, each level counted (zero included). */
    public List<Item> byLevel(UUID tenantId) {
        Map<Key, Map<String, Integer>> counted = new LinkedHashMap<>();
        jdbc.prepareStatement(BY_LEVEL, statement -> {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Key key = new Key(row.getInt(1), row.getString(2), row.getString(3), row.getString(4));
                    counted.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .merge(String.valueOf(row.getString(5)), row.getInt(6), Integer::sum);
                }
            }
            return counted;
        });
        List<Item> items = new ArrayList<>();
        counted.forEach((key, partners) -> {
            List<Level> levels =
                    Objects.requireNonNull(BUILT_IN.get(key.scale()), "BY_LEVEL reads the built-in scales").stream()
                            .map(level -> new Level(level, partners.getOrDefault(level, 0)))
                            .toList();
            int assessed =
                    partners.values().stream().mapToInt(Integer::intValue).sum();
            items.add(new Item(key.year(), key.framework(), key.scale(), key.item(), assessed, levels));
        });
        return items;
    }
}
