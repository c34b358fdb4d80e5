package uk.trustplatform.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands each channel (email, webhooks) the events it has not yet queued, oldest first. Rows are
 * taken with {@code FOR UPDATE SKIP LOCKED}, so two pods draining one tenant at once never take the
 * same event: the second skips what the first holds until it commits. Runs inside the caller's
 * transaction for the tenant.
 */
@Singleton
public final class Outbox {

    /** Who reads the outbox; each keeps its own mark of what it has queued. */
    public enum Channel {
        EMAIL("emails_queued_at"),
        WEBHOOKS("webhooks_queued_at");

        private final String column;

        Channel(String column) {
            this.column = column;
        }
    }

    private final JdbcOperations jdbc;
    private final ObjectMapper json;

    Outbox(JdbcOperations jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Up to {@code limit} of the tenant's events the channel has not queued, locked until commit. */
    public List<DomainEvent> take(UUID tenantId, Channel channel, int limit) {
        String sql = "SELECT tenant_id, id, kind, occurred_at, subject_type, subject_id, partner_organisation_id,"
                + " summary::text FROM domain_event WHERE tenant_id = ? AND " + channel.column + " IS NULL"
                + " ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED";
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, tenantId);
            statement.setInt(2, limit);
            List<DomainEvent> events = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    event(row).ifPresent(events::add);
                }
            }
            return events;
        });
    }

    /** Marks the events queued for the channel, in the same transaction as what it queued for them. */
    public void queued(UUID tenantId, Channel channel, List<UUID> events) {
        if (events.isEmpty()) {
            return;
        }
        String sql = "UPDATE domain_event SET " + channel.column + " = clock_timestamp()"
                + " WHERE tenant_id = ? AND id = ANY (?)";
        jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, tenantId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", events.toArray()));
            return statement.executeUpdate();
        });
    }

    private Optional<DomainEvent> event(ResultSet row) throws SQLException {
        // A kind this version does not know (written by a newer pod in a rolling update) waits for it.
        return EventKind.ofType(row.getString("kind")).map(kind -> {
            try {
                return new DomainEvent(
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("id", UUID.class),
                        kind,
                        row.getObject("occurred_at", OffsetDateTime.class),
                        row.getString("subject_type"),
                        row.getObject("subject_id", UUID.class),
                        row.getObject("partner_organisation_id", UUID.class),
                        json.readTree(row.getString(8)));
            } catch (SQLException | JsonProcessingException e) {
                throw new IllegalStateException("An outbox row could not be read", e);
            }
        });
    }
}
