package uk.trustplatform.feedback;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.partners.PartnerScope;

/** The ids a kind's query selects for {@link FeedbackSubject#summarised}: its subjects of a period in a partner scope. */
public final class SubjectIds {

    private SubjectIds() {}

    /**
     * Runs a query of one id column whose parameters are, in order: the tenant, the period's first
     * and last days, whether the scope is the whole tenant, and the scope's organisations (an array).
     */
    public static List<UUID> inPeriod(
            JdbcOperations jdbc, String sql, UUID tenantId, LocalDate from, LocalDate to, PartnerScope scope) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, tenantId);
            statement.setDate(2, Date.valueOf(from));
            statement.setDate(3, Date.valueOf(to));
            statement.setBoolean(4, scope.wholeTenant());
            statement.setArray(
                    5,
                    statement
                            .getConnection()
                            .createArrayOf("uuid", scope.inList().toArray()));
            List<UUID> ids = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
