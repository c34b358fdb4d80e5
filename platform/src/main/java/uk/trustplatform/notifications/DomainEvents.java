package uk.trustplatform.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes domain events into the outbox, inside the caller's transaction: an event exists exactly
 * when the change it reports committed, and a change that rolls back leaves no event. Features call
 * this beside their audit entry; email and webhook workers read the outbox afterwards.
 */
@Singleton
public final class DomainEvents {

    private static final String INSERT = """
            INSERT INTO domain_event
                (tenant_id, id, kind, subject_type, subject_id, partner_organisation_id, summary, once_key)
            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
            ON CONFLICT (tenant_id, once_key) WHERE once_key IS NOT NULL DO NOTHING""";

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    DomainEvents(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records that {@code kind} happened to one record.
     *
     * @param subjectType the GraphQL type of the record, for its global id
     * @param organisation the partner organisation the event is about, or null for the partnership
     * @param summary a few plain facts (a status, a date, a reason): never personal data; receivers
     *     read the rest through the API
     */
    public void publish(
            UUID tenantId,
            EventKind kind,
            String subjectType,
            UUID subjectId,
            @Nullable UUID organisation,
            Map<String, ?> summary) {
        insert(tenantId, kind, subjectType, subjectId, organisation, summary, null);
    }

    /**
     * Records an event a scheduled job found, once per {@code occurrence}: a second run, or a
     * second pod, finding the same thing adds nothing.
     *
     * @param occurrence what makes this occurrence one, for example the due date an action missed
     * @return true when the event was new
     */
    public boolean publishOnce(
            UUID tenantId,
            EventKind kind,
            String subjectType,
            UUID subjectId,
            @Nullable UUID organisation,
            Map<String, ?> summary,
            String occurrence) {
        return insert(
                        tenantId,
                        kind,
                        subjectType,
                        subjectId,
                        organisation,
                        summary,
                        kind.type() + ":" + subjectId + ":" + occurrence)
                == 1;
    }

    /**
     * Announces, once each, the records {@code sql} finds overdue: it selects the record's id, the
     * organisation it concerns (or null) and the date it became due, from the parameters given.
     *
     * @return how many were announced for the first time
     */
    public int publishOverdue(UUID tenantId, EventKind kind, String subjectType, String sql, Object... parameters) {
        List<Overdue> overdue = jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Overdue> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Overdue(
                            row.getObject(1, UUID.class),
                            row.getObject(2, UUID.class),
                            row.getObject(3, LocalDate.class)));
                }
            }
            return rows;
        });
        int announced = 0;
        for (Overdue record : overdue) {
            String dueOn = record.dueOn().toString();
            if (publishOnce(
                    tenantId, kind, subjectType, record.id(), record.organisation(), Map.of("dueOn", dueOn), dueOn)) {
                announced++;
            }
        }
        return announced;
    }

    /**
     * A finder of records gone overdue whose {@code sql} takes the tenant, today and the first day
     * it looks back to ({@link OverdueFinder#LOOK_BACK_DAYS}), and selects what {@link
     * #publishOverdue} reads.
     */
    public OverdueFinder overdueFinder(EventKind kind, String subjectType, String sql) {
        return (tenantId, today) -> publishOverdue(
                tenantId,
                kind,
                subjectType,
                sql,
                tenantId,
                Date.valueOf(today),
                Date.valueOf(today.minusDays(OverdueFinder.LOOK_BACK_DAYS)));
    }

    private record Overdue(UUID id, @Nullable UUID organisation, LocalDate dueOn) {}

    private int insert(
            UUID tenantId,
            EventKind kind,
            String subjectType,
            UUID subjectId,
            @Nullable UUID organisation,
            Map<String, ?> summary,
            @Nullable String onceKey) {
        String text = toJson(summary);
        return jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, tenantId);
            statement.setObject(2, UUID.randomUUID());
            statement.setString(3, kind.type());
            statement.setString(4, subjectType);
            statement.setObject(5, subjectId);
            statement.setObject(6, organisation);
            statement.setString(7, text);
            statement.setString(8, onceKey);
            return statement.executeUpdate();
        });
    }

    private String toJson(Map<String, ?> summary) {
        try {
            return json.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's summary is not JSON", e);
        }
    }
}
