package uk.trustplatform.benchmarking;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import uk.trustplatform.actionplans.ActionFigures;
import uk.trustplatform.participation.ParticipationFigures;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerFigures;
import uk.trustplatform.pledges.PledgeFigures;
import uk.trustplatform.selfassessment.SelfAssessmentFigures;

/**
 * Computes one tenant's indicators from its own data, inside a transaction bound to that tenant
 * (so row-level security applies as for any request), and replaces its snapshot. The cost is that
 * of the tenant's own rows: every query is by tenant, and nothing of other tenants is read.
 */
@Singleton
final class ComputingIndicators {

    private static final String[] RAGS = {"GREEN", "AMBER", "RED", "UNRATED"};
    // Replicas' jobs and the mutation may refresh one tenant at once: the second waits for the first
    // to commit and then computes from what it committed, instead of colliding on the snapshot's key.
    private static final String ONE_AT_A_TIME =
            "SELECT pg_advisory_xact_lock(hashtext('tenant_indicator'), hashtext(?::text))";
    private static final String CLEAR = "DELETE FROM tenant_indicator WHERE tenant_id = ?";
    private static final String STORE = "INSERT INTO tenant_indicator (tenant_id, indicator_set, indicator, period,"
            + " breakdown, records, numerator, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DATABASE_NOW = "SELECT clock_timestamp()";
    private static final String DONE = "DELETE FROM indicator_refresh WHERE tenant_id = ? AND requested_at <= ?";

    private final PartnerDirectory partners;
    private final PledgeFigures pledges;
    private final ActionFigures actions;
    private final ParticipationFigures participation;
    private final SelfAssessmentFigures selfAssessments;
    private final JdbcOperations jdbc;

    ComputingIndicators(
            PartnerDirectory partners,
            PledgeFigures pledges,
            ActionFigures actions,
            ParticipationFigures participation,
            SelfAssessmentFigures selfAssessments,
            JdbcOperations jdbc) {
        this.partners = partners;
        this.pledges = pledges;
        this.actions = actions;
        this.participation = participation;
        this.selfAssessments = selfAssessments;
        this.jdbc = jdbc;
    }

    /** The tenant's indicators as of {@code today}. */
    List<IndicatorValue> compute(UUID tenantId, LocalDate today) {
        List<IndicatorValue> values = new ArrayList<>();
        List<PartnerFigures> partnerFigures = partners.figures(tenantId);
        Set<UUID> pledged = pledges.pledgedOn(tenantId, today);
        pledgeCoverage(values, partnerFigures, pledged);
        partnerIndicators(values, partnerFigures);
        actionIndicators(values, actions.byStandard(tenantId, today));
        ParticipationFigures.FeedbackLoops loops = participation.feedbackLoops(tenantId, today);
        values.add(share(Indicator.FEEDBACK_GIVEN, IndicatorValue.ALL, loops.ended(), loops.closed()));
        selfAssessmentLevels(values, selfAssessments.byLevel(tenantId));
        return values;
    }

    /**
     * Computes and stores the tenant's snapshot, and clears the refreshes it answers: those asked
     * for before it began computing, by the database's clock, which is the one that stamped them.
     * The values stored.
     */
    List<IndicatorValue> refresh(UUID tenantId, LocalDate today) {
        jdbc.prepareStatement(ONE_AT_A_TIME, statement -> {
            statement.setObject(1, tenantId);
            return statement.execute();
        });
        Timestamp at = jdbc.prepareStatement(DATABASE_NOW, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getTimestamp(1);
            }
        });
        List<IndicatorValue> values = compute(tenantId, today);
        jdbc.prepareStatement(CLEAR, statement -> {
            statement.setObject(1, tenantId);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement(STORE, statement -> {
            for (IndicatorValue value : values) {
                bind(statement, tenantId, value, at);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
        jdbc.prepareStatement(DONE, statement -> {
            statement.setObject(1, tenantId);
            statement.setTimestamp(2, at);
            return statement.executeUpdate();
        });
        return values;
    }

    private static void bind(PreparedStatement statement, UUID tenantId, IndicatorValue value, Timestamp at)
            throws SQLException {
        statement.setObject(1, tenantId);
        statement.setString(2, value.indicator().set().name());
        statement.setString(3, value.indicator().name());
        statement.setString(4, value.period());
        statement.setString(5, value.breakdown());
        statement.setInt(6, value.records());
        statement.setBigDecimal(7, value.numerator());
        statement.setTimestamp(8, at);
    }

    private static void pledgeCoverage(List<IndicatorValue> values, List<PartnerFigures> partners, Set<UUID> pledged) {
        values.add(share(
                Indicator.PLEDGE_COVERAGE,
                IndicatorValue.ALL,
                partners.size(),
                partners.stream()
                        .filter(p -> pledged.contains(p.partnerOrganisationId()))
                        .count()));
        Map<String, List<PartnerFigures>> byCategory = partners.stream()
                .collect(Collectors.groupingBy(
                        p -> p.category() == null ? "none" : p.category(), TreeMap::new, Collectors.toList()));
        byCategory.forEach((category, members) -> values.add(share(
                Indicator.PLEDGE_COVERAGE,
                "category:" + category,
                members.size(),
                members.stream()
                        .filter(p -> pledged.contains(p.partnerOrganisationId()))
                        .count())));
    }

    private static void partnerIndicators(List<IndicatorValue> values, List<PartnerFigures> partners) {
        values.add(share(
                Indicator.PARTNERS_WITH_STRATEGIC_LEAD,
                IndicatorValue.ALL,
                partners.size(),
                partners.stream().filter(p -> p.strategicLeads() > 0).count()));
        values.add(share(
                Indicator.CHAMPIONS_PER_PARTNER,
                IndicatorValue.ALL,
                partners.size(),
                partners.stream().mapToLong(PartnerFigures::champions).sum()));
    }

    private static void actionIndicators(List<IndicatorValue> values, List<ActionFigures.Counts> counts) {
        Map<String, List<ActionFigures.Counts>> byPeriod = counts.stream()
                .collect(Collectors.groupingBy(ActionFigures.Counts::period, TreeMap::new, Collectors.toList()));
        byPeriod.forEach((period, rows) -> {
            int total = sum(rows, ActionFigures.Counts::total);
            values.add(new IndicatorValue(
                    Indicator.ACTIONS_COMPLETE,
                    period,
                    IndicatorValue.ALL,
                    total,
                    decimal(sum(rows, ActionFigures.Counts::complete))));
            values.add(new IndicatorValue(
                    Indicator.ACTIONS_ON_TRACK,
                    period,
                    IndicatorValue.ALL,
                    total,
                    decimal(sum(rows, ActionFigures.Counts::green))));
            values.add(new IndicatorValue(
                    Indicator.ACTIONS_OVERDUE,
                    period,
                    IndicatorValue.ALL,
                    total,
                    decimal(sum(rows, ActionFigures.Counts::overdue))));
            rows.stream()
                    .filter(row -> row.framework() != null)
                    .collect(Collectors.groupingBy(ActionFigures.Counts::framework, TreeMap::new, Collectors.toList()))
                    .forEach((framework, ofFramework) -> ragByStandard(values, period, framework, ofFramework));
        });
    }

    /** Each standard's actions by RAG, and the framework's in total, for one period. */
    private static void ragByStandard(
            List<IndicatorValue> values, String period, String framework, List<ActionFigures.Counts> rows) {
        int total = sum(rows, ActionFigures.Counts::total);
        for (String rag : RAGS) {
            values.add(new IndicatorValue(
                    Indicator.RAG_BY_STANDARD,
                    period,
                    framework + "/ALL/" + rag,
                    total,
                    decimal(sum(rows, counter(rag)))));
        }
        rows.stream().filter(row -> row.standard() != null).forEach(row -> {
            for (String rag : RAGS) {
                values.add(new IndicatorValue(
                        Indicator.RAG_BY_STANDARD,
                        period,
                        framework + "/" + row.standard() + "/" + rag,
                        row.total(),
                        decimal(counter(rag).applyAsInt(row))));
            }
        });
    }

    /** Per assessment year (the period), each item's partners at each level of its scale. */
    private static void selfAssessmentLevels(List<IndicatorValue> values, List<SelfAssessmentFigures.Item> items) {
        for (SelfAssessmentFigures.Item item : items) {
            for (SelfAssessmentFigures.Level level : item.levels()) {
                values.add(new IndicatorValue(
                        Indicator.SELF_ASSESSMENT_LEVELS,
                        String.valueOf(item.year()),
                        item.framework() + "/" + item.item() + "/" + level.level(),
                        item.assessed(),
                        decimal(level.partners())));
            }
        }
    }

    private static ToIntFunction<ActionFigures.Counts> counter(String rag) {
        return switch (rag) {
            case "GREEN" -> ActionFigures.Counts::green;
            case "AMBER" -> ActionFigures.Counts::amber;
            case "RED" -> ActionFigures.Counts::red;
            default -> ActionFigures.Counts::unrated;
        };
    }

    private static IndicatorValue share(Indicator indicator, String breakdown, int records, long count) {
        return new IndicatorValue(indicator, IndicatorValue.CURRENT, breakdown, records, decimal(count));
    }

    private static int sum(Collection<ActionFigures.Counts> rows, ToIntFunction<ActionFigures.Counts> field) {
        return rows.stream().mapToInt(field).sum();
    }

    private static BigDecimal decimal(long count) {
        return BigDecimal.valueOf(count);
    }
}
