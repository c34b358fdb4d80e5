package uk.trustplatform.participation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The participation register's figures for the features that count it (benchmarking): read in the
 * current transaction's tenant, counts only.
 */
@Singleton
public final class ParticipationFigures {

    /** Activities that ended in the year before a day, and how many of them closed their feedback loop. */
    public record FeedbackLoops(int ended, int closed) {}

    private static final String FEEDBACK_LOOPS = """
            SELECT count(*), count(*) FILTER (WHERE feedback_given_on IS NOT NULL)
            FROM participation_activity
            WHERE tenant_id = ? AND ends_on < ? AND ends_on >= ?""";

    private final JdbcOperations jdbc;

    ParticipationFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Of the activities that ended in the twelve months before {@code today}, those whose participants heard back. */
    public FeedbackLoops feedbackLoops(UUID tenantId, LocalDate today) {
        return jdbc.prepareStatement(FEEDBACK_LOOPS, statement -> {
            statement.setObject(1, tenantId);
            statement.setDate(2, Date.valueOf(today));
            statement.setDate(3, Date.valueOf(today.minusYears(1)));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new FeedbackLoops(row.getInt(1), row.getInt(2));
            }
        });
    }
}
