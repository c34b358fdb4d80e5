package uk.trustplatform.feedback;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The participants' answers, kept per subject with nothing about who gave them. */
@Singleton
final class FeedbackAnswers {

    /** One answer as the partner and the board read it. */
    record Answer(UUID subjectId, Heard heard, String words, LocalDate answeredOn) {}

    private final JdbcOperations jdbc;

    FeedbackAnswers(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID tenantId, String kind, UUID subjectId, Heard heard, @Nullable String words, LocalDate today) {
        jdbc.prepareStatement(
                "INSERT INTO feedback_answer (tenant_id, id, subject_kind, subject_id, heard, words, answered_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setObject(1, tenantId);
                    statement.setObject(2, UUID.randomUUID());
                    statement.setString(3, kind);
                    statement.setObject(4, subjectId);
                    statement.setString(5, heard.name());
                    statement.setString(6, words);
                    statement.setDate(7, Date.valueOf(today));
                    return statement.executeUpdate();
                });
    }

    /** Every answer about the subjects, newest first. */
    List<Answer> of(UUID tenantId, String kind, Collection<UUID> subjectIds) {
        return jdbc.prepareStatement(
                "SELECT subject_id, heard, words, answered_on FROM feedback_answer"
                        + " WHERE tenant_id = ? AND subject_kind = ? AND subject_id = ANY (?)"
                        + " ORDER BY answered_on DESC, id",
                statement -> {
                    bindSubjects(statement, tenantId, kind, subjectIds);
                    List<Answer> answers = new ArrayList<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            answers.add(new Answer(
                                    row.getObject(1, UUID.class),
                                    Heard.valueOf(row.getString(2)),
                                    row.getString(3),
                                    row.getDate(4).toLocalDate()));
                        }
                    }
                    return answers;
                });
    }

    /** Binds the first three parameters: the tenant, the subjects' kind and their ids. */
    static void bindSubjects(PreparedStatement statement, UUID tenantId, String kind, Collection<UUID> subjectIds)
            throws SQLException {
        statement.setObject(1, tenantId);
        statement.setString(2, kind);
        statement.setArray(3, statement.getConnection().createArrayOf("uuid", subjectIds.toArray()));
    }

    /** How many answered each way, over all the subjects together. */
    HeardBackCount total(UUID tenantId, String kind, Collection<UUID> subjectIds) {
        return jdbc.prepareStatement(
                "SELECT heard, count(*) FROM feedback_answer"
                        + " WHERE tenant_id = ? AND subject_kind = ? AND subject_id = ANY (?) GROUP BY heard",
                statement -> {
                    bindSubjects(statement, tenantId, kind, subjectIds);
                    Map<Heard, Integer> counts = new HashMap<>();
                    try (ResultSet row = statement.executeQuery()) {
                        while (row.next()) {
                            counts.put(Heard.valueOf(row.getString(1)), row.getInt(2));
                        }
                    }
                    return new HeardBackCount(
                            counts.getOrDefault(Heard.YES, 0),
                            counts.getOrDefault(Heard.NOT_YET, 0),
                            counts.getOrDefault(Heard.NO, 0));
                });
    }
}
