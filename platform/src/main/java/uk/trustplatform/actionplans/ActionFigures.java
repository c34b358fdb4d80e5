package uk.trustplatform.actionplans;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The action plans' figures for the features built on them (benchmarking): the tenant's actions
 * counted by plan period, framework and standard, in one query over the tenant's own rows.
 */
@Singleton
public final class ActionFigures {

    /**
     * The actions of one period under one standard (null framework or standard: none), by status and RAG.
     *
     * @param period the plans' period, as {@code 2026-2027}
     */
    public record Counts(
            String period,
            @Nullable String framework,
            @Nullable String standard,
            int total,
            int complete,
            int green,
            int amber,
            int red,
            int unrated,
            int overdue) {}

    private static final String BY_STANDARD = "SELECT p.period_start || '-' || p.period_end, p.framework, a.standard, "
            + ActionProgress.COUNTS
            + " FROM plan_action a JOIN action_plan p ON p.tenant_id = a.tenant_id AND p.id = a.action_plan_id"
            + " WHERE a.tenant_id = ? GROUP BY p.period_start, p.period_end, p.framework, a.standard";

    private final JdbcOperations jdbc;

    ActionFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every period and standard of the current transaction's tenant, as of {@code today} for what is overdue. */
    public List<Counts> byStandard(UUID tenantId, LocalDate today) {
        return jdbc.prepareStatement(BY_STANDARD, statement -> {
            statement.setDate(1, Date.valueOf(today));
            statement.setObject(2, tenantId);
            List<Counts> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ActionProgress progress = ActionProgress.read(row, 4);
                    rows.add(new Counts(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            progress.total(),
                            progress.complete(),
                            progress.green(),
                            progress.amber(),
                            progress.red(),
                            progress.unrated(),
                            progress.overdue()));
                }
            }
            return rows;
        });
    }
}
