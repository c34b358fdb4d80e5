package uk.trustplatform.actionplans;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.StandardsFrameworkContent;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * Counts actions by status and RAG: for each plan (in one query for every plan of a response),
 * and for the board's view of a period, by standard and by partner.
 */
@Singleton
final class CountingProgress {

    /** The board's view of one period. */
    record PeriodProgress(
            int periodStart, int periodEnd, List<StandardProgress> byStandard, List<PartnerProgress> byPartner) {}

    /**
     * The counts of the actions under one standard.
     *
     * @param framework null for plans whose template has no framework
     * @param standard null for actions under no standard
     * @param title the standard's title in the published framework; null when the framework has none for it
     */
    record StandardProgress(
            @Nullable String framework,
            @Nullable String standard,
            @Nullable String title,
            ActionProgress progress) {}

    record PartnerProgress(UUID partnerOrganisationId, ActionPlan actionPlan, ActionProgress progress) {}

    private static final String OF_PLANS = "SELECT a.action_plan_id, " + ActionProgress.COUNTS
            + " FROM plan_action a WHERE a.tenant_id = ? AND a.action_plan_id = ANY (?) GROUP BY a.action_plan_id";
    private static final String PLANS_OF_ORGANISATIONS = "SELECT c.*, p.* FROM action_plan p CROSS JOIN LATERAL"
            + " (SELECT " + ActionProgress.COUNTS
            + " FROM plan_action a WHERE a.tenant_id = p.tenant_id AND a.action_plan_id = p.id) c"
            + " WHERE p.tenant_id = ? AND p.partner_organisation_id = ANY (?) ORDER BY p.period_start DESC";
    private static final String BY_STANDARD = "SELECT p.framework, a.standard, " + ActionProgress.COUNTS
            + " FROM plan_action a JOIN action_plan p ON p.tenant_id = a.tenant_id AND p.id = a.action_plan_id"
            + " WHERE a.tenant_id = ? AND p.period_start = ? AND p.period_end = ?"
            + " GROUP BY p.framework, a.standard";

    private final JdbcOperations jdbc;
    private final ActionPlans plans;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;

    CountingProgress(
            JdbcOperations jdbc, ActionPlans plans, PartnerDirectory partners, InForceConfiguration configuration) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.partners = partners;
        this.configuration = configuration;
    }

    /** Each plan's counts; a plan with no actions counts zero. */
    Map<UUID, ActionProgress> ofPlans(UUID tenantId, Set<UUID> planIds, LocalDate today) {
        Map<UUID, ActionProgress> counts = new HashMap<>();
        planIds.forEach(id -> counts.put(id, ActionProgress.NONE));
        jdbc.prepareStatement(OF_PLANS, statement -> {
            statement.setDate(1, Date.valueOf(today));
            statement.setObject(2, tenantId);
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", planIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getObject(1, UUID.class), ActionProgress.read(row, 2));
                }
            }
            return null;
        });
        return counts;
    }

    /** The organisations' plans, newest period first, each with its counts, in one query. */
    List<PartnerProgress> plansOf(UUID tenantId, Set<UUID> organisations, LocalDate today) {
        return jdbc.prepareStatement(PLANS_OF_ORGANISATIONS, statement -> {
            statement.setDate(1, Date.valueOf(today));
            statement.setObject(2, tenantId);
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", organisations.toArray()));
            List<PartnerProgress> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ActionPlan plan = jdbc.readEntity(row, ActionPlan.class);
                    rows.add(new PartnerProgress(plan.partnerOrganisationId(), plan, ActionProgress.read(row, 1)));
                }
            }
            return rows;
        });
    }

    PeriodProgress ofPeriod(Caller caller, int start, int end, LocalDate today) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant()) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN, "Only tenant admins and board members see the board's progress view.");
        }
        List<StandardProgress> byStandard = jdbc.prepareStatement(BY_STANDARD, statement -> {
            statement.setDate(1, Date.valueOf(today));
            statement.setObject(2, tenantId);
            statement.setInt(3, start);
            statement.setInt(4, end);
            List<StandardProgress> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new StandardProgress(
                            row.getString(1), row.getString(2), null, ActionProgress.read(row, 3)));
                }
            }
            return rows;
        });
        List<ActionPlan> ofPeriod = plans.findByPeriodStartAndPeriodEnd(start, end);
        Map<UUID, ActionProgress> counts = ofPlans(
                tenantId, ofPeriod.stream().map(ActionPlan::id).collect(java.util.stream.Collectors.toSet()), today);
        Map<UUID, PartnerOrganisation> named = partners.visible(
                caller, ofPeriod.stream().map(ActionPlan::partnerOrganisationId).toList());
        List<PartnerProgress> byPartner = ofPeriod.stream()
                .sorted(Comparator.comparing(plan -> named.containsKey(plan.partnerOrganisationId())
                        ? named.get(plan.partnerOrganisationId()).name()
                        : ""))
                .map(plan -> new PartnerProgress(
                        plan.partnerOrganisationId(),
                        plan,
                        Objects.requireNonNull(counts.get(plan.id()), "every plan of the period is counted")))
                .toList();
        return new PeriodProgress(start, end, titled(byStandard), byPartner);
    }

    /** Each standard with its title from the published framework, in the framework's order. */
    private List<StandardProgress> titled(List<StandardProgress> rows) {
        Map<String, List<StandardsFrameworkContent.Standard>> frameworks = new HashMap<>();
        List<StandardProgress> titled = new ArrayList<>();
        for (StandardProgress row : rows) {
            List<StandardsFrameworkContent.Standard> standards = row.framework() == null
                    ? List.of()
                    : frameworks.computeIfAbsent(
                            row.framework(),
                            key -> configuration
                                    .framework(key)
                                    .map(StandardsFrameworkContent::standards)
                                    .orElse(List.of()));
            String title = standards.stream()
                    .filter(standard -> standard.number().equals(row.standard()))
                    .map(StandardsFrameworkContent.Standard::title)
                    .findFirst()
                    .orElse(null);
            titled.add(new StandardProgress(row.framework(), row.standard(), title, row.progress()));
        }
        titled.sort(Comparator.comparing((StandardProgress row) -> row.framework() == null ? "\uffff" : row.framework())
                .thenComparing(row -> position(frameworks.getOrDefault(row.framework(), List.of()), row.standard())));
        return titled;
    }

    private static int position(List<StandardsFrameworkContent.Standard> standards, @Nullable String number) {
        for (int i = 0; i < standards.size(); i++) {
            if (standards.get(i).number().equals(number)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
