package uk.trustplatform.participation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.feedback.HeardBackCount;
import uk.trustplatform.feedback.HeardBackTallies;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerScope;

/**
 * What Medway's strategy says the board is told: "the number who have been involved …, how much
 * activity is being carried out and how effective it has been in influencing key decisions": over
 * the activities that started in a period, of the partners the caller reaches; with how many of
 * their participants said they heard what happened because of what they said, and as many of
 * each other kind of feedback code's subject (inspections, youth forums' recommendations) of the
 * period, counted apart.
 */
@Singleton
final class SummarisingParticipation {

    record RungCount(Integer rung, int activities) {}

    record Summary(
            LocalDate from,
            LocalDate to,
            int activities,
            int participants,
            int withoutParticipantCount,
            int informingDecisions,
            int ended,
            int feedbackGiven,
            int feedbackOverdue,
            List<RungCount> byLadderRung,
            HeardBackCount heardBack,
            List<HeardBackTallies.OfKind> heardBackByKind) {}

    private static final String SCOPE = " FROM participation_activity WHERE tenant_id = ? AND starts_on BETWEEN ? AND ?"
            + " AND (? OR partner_organisation_id = ANY (?))";
    private static final String TOTALS = "SELECT count(*), coalesce(sum(participants), 0),"
            + " count(*) FILTER (WHERE participants IS NULL),"
            + " count(*) FILTER (WHERE decision_informed IS NOT NULL),"
            + " count(*) FILTER (WHERE ends_on < ?),"
            + " count(*) FILTER (WHERE ends_on < ? AND feedback_given_on IS NOT NULL),"
            + " count(*) FILTER (WHERE feedback_given_on IS NULL AND feedback_due_on < ?)"
            + SCOPE;
    static final String IDS = "SELECT id" + SCOPE;
    private static final String RUNGS =
            "SELECT ladder_rung, count(*)" + SCOPE + " GROUP BY ladder_rung ORDER BY ladder_rung";
    /** The longest period summarised at once: a partnership's strategy rarely runs longer. */
    private static final int MAX_YEARS = 5;

    private final JdbcOperations jdbc;
    private final PartnerDirectory partners;
    private final HeardBackTallies tallies;
    private final LondonClock clock;

    SummarisingParticipation(
            JdbcOperations jdbc, PartnerDirectory partners, HeardBackTallies tallies, LondonClock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.partners = partners;
        this.tallies = tallies;
    }

    Summary summary(Caller caller, LocalDate from, LocalDate to) {
        UUID tenantId = caller.requireTenant();
        ReadingParticipationRegister.requirePeriod(from, to, Period.ofYears(MAX_YEARS), MAX_YEARS + " years");
        PartnerScope scope = partners.scope(caller);
        LocalDate today = clock.today();
        List<HeardBackTallies.OfKind> heardBack = tallies.byKind(caller, from, to);
        return jdbc.prepareStatement(TOTALS, statement -> {
            statement.setDate(1, Date.valueOf(today));
            statement.setDate(2, Date.valueOf(today));
            statement.setDate(3, Date.valueOf(today));
            bindScope(statement, 4, tenantId, from, to, scope);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new Summary(
                        from,
                        to,
                        row.getInt(1),
                        row.getInt(2),
                        row.getInt(3),
                        row.getInt(4),
                        row.getInt(5),
                        row.getInt(6),
                        row.getInt(7),
                        rungs(tenantId, from, to, scope),
                        ofActivities(heardBack),
                        heardBack);
            }
        });
    }

    private static HeardBackCount ofActivities(List<HeardBackTallies.OfKind> heardBack) {
        return heardBack.stream()
                .filter(kind -> kind.kind().equals(ParticipationActivity.TYPE))
                .findFirst()
                .map(HeardBackTallies.OfKind::count)
                .orElseThrow();
    }

    private List<RungCount> rungs(UUID tenantId, LocalDate from, LocalDate to, PartnerScope scope) {
        return jdbc.prepareStatement(RUNGS, statement -> {
            bindScope(statement, 1, tenantId, from, to, scope);
            List<RungCount> rungs = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rungs.add(new RungCount((Integer) row.getObject(1), row.getInt(2)));
                }
            }
            return rungs;
        });
    }

    private static void bindScope(
            PreparedStatement statement, int first, UUID tenantId, LocalDate from, LocalDate to, PartnerScope scope)
            throws SQLException {
        statement.setObject(first, tenantId);
        statement.setDate(first + 1, Date.valueOf(from));
        statement.setDate(first + 2, Date.valueOf(to));
        statement.setBoolean(first + 3, scope.wholeTenant());
        statement.setArray(
                first + 4,
                statement.getConnection().createArrayOf("uuid", scope.inList().toArray()));
    }
}
