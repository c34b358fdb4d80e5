package uk.trustplatform.feedback;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tenant's feedback codes, one per subject. Every statement names the tenant as well as being
 * bound to it, the application's lock beside row-level security's.
 */
@Singleton
final class FeedbackCodes {

    private static final String COLUMNS =
            "tenant_id, subject_kind, subject_id, issued_on, expires_on, withdrawn_on, version";

    private final JdbcOperations jdbc;

    FeedbackCodes(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<FeedbackCode> of(UUID tenantId, String kind, UUID subjectId) {
        return Optional.ofNullable(ofAll(tenantId, kind, List.of(subjectId)).get(subjectId));
    }

    Map<UUID, FeedbackCode> ofAll(UUID tenantId, String kind, Collection<UUID> subjectIds) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM feedback_code WHERE tenant_id = ? AND subject_kind = ?"
                        + " AND subject_id = ANY (?)",
                statement -> {
                    FeedbackAnswers.bindSubjects(statement, tenantId, kind, subjectIds);
                    Map<UUID, FeedbackCode> codes = new HashMap<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            FeedbackCode code = read(row);
                            codes.put(code.subjectId(), code);
                        }
                    }
                    return codes;
                });
    }

    /** The subject whose code, live on {@code today}, has this hash. */
    Optional<FeedbackCode> live(UUID tenantId, byte[] hash, LocalDate today) {
        return jdbc.prepareStatement(
                "SELECT " + COLUMNS + " FROM feedback_code WHERE tenant_id = ? AND code_hash = ?"
                        + " AND withdrawn_on IS NULL AND expires_on >= ?",
                statement -> {
                    statement.setObject(1, tenantId);
                    statement.setBytes(2, hash);
                    statement.setDate(3, Date.valueOf(today));
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(read(row)) : Optional.<FeedbackCode>empty();
                    }
                });
    }

    /**
     * Issues a subject's first code; false when it already has one (another worker's, issued since
     * this one read it).
     */
    boolean insert(FeedbackCode code, byte[] hash) {
        return jdbc.prepareStatement(
                        "INSERT INTO feedback_code (tenant_id, subject_kind, subject_id, code_hash, issued_on,"
                                + " expires_on) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        statement -> {
                            bindKey(statement, 1, code);
                            statement.setBytes(4, hash);
                            statement.setDate(5, Date.valueOf(code.issuedOn()));
                            statement.setDate(6, Date.valueOf(code.expiresOn()));
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** Replaces the code of the version given with a new one; false when that version is not the one kept. */
    boolean reissue(FeedbackCode code, byte[] hash, long version) {
        return jdbc.prepareStatement(
                        "UPDATE feedback_code SET code_hash = ?, issued_on = ?, expires_on = ?, withdrawn_on = NULL,"
                                + " version = version + 1 WHERE tenant_id = ? AND subject_kind = ? AND subject_id = ?"
                                + " AND version = ?",
                        statement -> {
                            statement.setBytes(1, hash);
                            statement.setDate(2, Date.valueOf(code.issuedOn()));
                            statement.setDate(3, Date.valueOf(code.expiresOn()));
                            statement.setObject(4, code.tenantId());
                            statement.setString(5, code.subjectKind());
                            statement.setObject(6, code.subjectId());
                            statement.setLong(7, version);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** Withdraws the code of the version given; false when that version is not the one kept. */
    boolean withdraw(FeedbackCode code, LocalDate today, long version) {
        return jdbc.prepareStatement(
                        "UPDATE feedback_code SET withdrawn_on = ?, version = version + 1"
                                + " WHERE tenant_id = ? AND subject_kind = ? AND subject_id = ? AND version = ?",
                        statement -> {
                            statement.setDate(1, Date.valueOf(today));
                            bindKey(statement, 2, code);
                            statement.setLong(5, version);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    private static void bindKey(PreparedStatement statement, int first, FeedbackCode code) throws SQLException {
        statement.setObject(first, code.tenantId());
        statement.setString(first + 1, code.subjectKind());
        statement.setObject(first + 2, code.subjectId());
    }

    private static FeedbackCode read(ResultSet row) throws SQLException {
        Date withdrawn = row.getDate(6);
        return new FeedbackCode(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getObject(3, UUID.class),
                row.getDate(4).toLocalDate(),
                row.getDate(5).toLocalDate(),
                withdrawn == null ? null : withdrawn.toLocalDate(),
                row.getLong(7));
    }
}
