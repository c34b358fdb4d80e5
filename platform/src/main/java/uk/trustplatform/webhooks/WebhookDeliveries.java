package uk.trustplatform.webhooks;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.notifications.DomainEvent;
import uk.trustplatform.notifications.EventKind;

/**
 * The tenant's webhook deliveries, in the current transaction's tenant. Times of attempts, leases
 * and retries are the database's ({@code clock_timestamp()}), one clock for every pod.
 */
@Singleton
final class WebhookDeliveries {

    /**
     * One delivery per endpoint subscribed to the event's kind whose scope covers it: the
     * partnership's endpoints every event; an agency's the events about it or an organisation
     * below it (the event's organisation and those above it, up the hierarchy), never a
     * partnership-wide one. A paused endpoint's deliveries are made too, and wait (the claim
     * skips them) until it is resumed. A delivery made before is left as it is.
     */
    private static final String FAN_OUT = """
            WITH RECURSIVE above (id, parent_id) AS (
                SELECT id, parent_id FROM partner_organisation WHERE tenant_id = ? AND id = CAST(? AS uuid)
                UNION
                SELECT p.id, p.parent_id FROM partner_organisation p JOIN above ON p.id = above.parent_id
                WHERE p.tenant_id = ?)
            INSERT INTO webhook_delivery (tenant_id, id, endpoint_id, event_id)
            SELECT e.tenant_id, gen_random_uuid(), e.id, ? FROM webhook_endpoint e
            WHERE e.tenant_id = ? AND ? = ANY (e.event_kinds)
              AND (e.partner_organisation_id IS NULL OR e.partner_organisation_id IN (SELECT id FROM above))
            ON CONFLICT (tenant_id, endpoint_id, event_id) DO NOTHING""";

    /**
     * Claims due deliveries of active endpoints for one sender: a lease that no other sender's
     * claim passes while it holds, taken under row locks that other claims skip. The lease's end
     * is the claim's token: a result is recorded only while the delivery still has it.
     */
    private static final String CLAIM = """
            UPDATE webhook_delivery d SET lease_until = clock_timestamp() + CAST(? AS interval)
            WHERE d.tenant_id = ? AND d.id IN (
                SELECT due.id FROM webhook_delivery due
                JOIN webhook_endpoint e ON e.tenant_id = due.tenant_id AND e.id = due.endpoint_id
                WHERE due.tenant_id = ? AND due.status = 'PENDING' AND e.status = 'ACTIVE'
                  AND due.next_attempt_at <= clock_timestamp()
                  AND (due.lease_until IS NULL OR due.lease_until < clock_timestamp())
                ORDER BY due.next_attempt_at
                LIMIT ?
                FOR UPDATE OF due SKIP LOCKED)
            RETURNING d.id""";

    private static final String PARCELS = """
            SELECT d.id, d.lease_until, d.endpoint_id, d.attempts, e.url, e.secret_ciphertext,
                   ev.id AS event_id, ev.kind, ev.occurred_at,
                   ev.subject_type, ev.subject_id, ev.partner_organisation_id, ev.summary::text AS summary,
                   extract(epoch FROM clock_timestamp())::bigint AS now
            FROM webhook_delivery d
            JOIN webhook_endpoint e ON e.tenant_id = d.tenant_id AND e.id = d.endpoint_id
            JOIN domain_event ev ON ev.tenant_id = d.tenant_id AND ev.id = d.event_id
            WHERE d.tenant_id = ? AND d.id = ANY (?)""";

    private static final String LOG = """
            SELECT d.*, ev.kind, ev.subject_type, ev.subject_id FROM webhook_delivery d
            JOIN domain_event ev ON ev.tenant_id = d.tenant_id AND ev.id = d.event_id
            WHERE d.tenant_id = ? AND d.endpoint_id = ?
              AND (CAST(? AS timestamptz) IS NULL OR (d.created_at, d.id) < (CAST(? AS timestamptz), CAST(? AS uuid)))
            ORDER BY d.created_at DESC, d.id DESC LIMIT ?""";

    /**
     * A claimed delivery with what its post needs.
     *
     * @param lease the claim's token: its lease's end, as stored
     * @param sealedSecret the endpoint's signing secret as stored, opened only by the sender
     * @param nowEpochSecond the database's time at the claim, for the {@code webhook-timestamp}
     */
    record Parcel(
            UUID id,
            OffsetDateTime lease,
            UUID endpointId,
            int attempts,
            String url,
            byte[] sealedSecret,
            UUID eventId,
            String kind,
            OffsetDateTime occurredAt,
            String subjectType,
            UUID subjectId,
            @Nullable UUID partnerOrganisationId,
            String summary,
            long nowEpochSecond) {}

    /**
     * The end of the statements recording a result: only a pending delivery still under the
     * claim that posted it, so a late result from a sender whose lease lapsed changes nothing.
     */
    private static final String CLAIMED =
            " WHERE tenant_id = ? AND id = ? AND status = 'PENDING' AND lease_until = CAST(? AS timestamptz)";

    private final JdbcOperations jdbc;

    WebhookDeliveries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The deliveries one event makes, as many as the endpoints it reaches. */
    int fanOut(DomainEvent event) {
        return jdbc.prepareStatement(FAN_OUT, statement -> {
            statement.setObject(1, event.tenantId());
            statement.setObject(2, event.partnerOrganisationId());
            statement.setObject(3, event.tenantId());
            statement.setObject(4, event.id());
            statement.setObject(5, event.tenantId());
            statement.setString(6, event.kind().type());
            return statement.executeUpdate();
        });
    }

    /** Claims up to {@code limit} due deliveries for {@code lease}, and reads what their posts need. */
    List<Parcel> claim(UUID tenantId, int limit, Duration lease) {
        List<UUID> claimed = jdbc.prepareStatement(CLAIM, statement -> {
            statement.setString(1, lease.toMillis() + " milliseconds");
            statement.setObject(2, tenantId);
            statement.setObject(3, tenantId);
            statement.setInt(4, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
            return ids;
        });
        if (claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(PARCELS, statement -> {
            statement.setObject(1, tenantId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", claimed.toArray()));
            List<Parcel> parcels = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    parcels.add(parcel(row));
                }
            }
            return parcels;
        });
    }

    /**
     * A 2xx: delivered, the lease let go. False, and nothing changed, when the claim is no longer
     * the delivery's (its lease ran out and another sender claimed it, or recorded it already).
     */
    boolean delivered(UUID tenantId, UUID id, OffsetDateTime lease, int status) {
        return update(
                "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1,"
                        + " last_attempt_at = clock_timestamp(), delivered_at = clock_timestamp(),"
                        + " last_response_code = ?, last_error = NULL, lease_until = NULL"
                        + CLAIMED,
                status,
                tenantId,
                id,
                lease);
    }

    /**
     * A failed attempt: retried after {@code retryAfter}, or FAILED when that is null. False, and
     * nothing changed, when the claim is no longer the delivery's.
     *
     * @param status the response's status, null when there was none (refused, timed out)
     * @param error what went wrong, short
     */
    boolean failed(
            UUID tenantId,
            UUID id,
            OffsetDateTime lease,
            @Nullable Integer status,
            String error,
            @Nullable Duration retryAfter) {
        return update(
                "UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = clock_timestamp(),"
                        + " last_response_code = ?, last_error = left(?, 300), lease_until = NULL,"
                        + " status = CASE WHEN CAST(? AS interval) IS NULL THEN 'FAILED' ELSE 'PENDING' END,"
                        + " next_attempt_at = coalesce(clock_timestamp() + CAST(? AS interval), next_attempt_at)"
                        + CLAIMED,
                status,
                error,
                interval(retryAfter),
                interval(retryAfter),
                tenantId,
                id,
                lease);
    }

    /** One page of an endpoint's log, newest first. */
    List<WebhookDelivery> log(
            UUID tenantId, UUID endpointId, @Nullable OffsetDateTime afterCreated, @Nullable UUID afterId, int limit) {
        return jdbc.prepareStatement(LOG, statement -> {
            statement.setObject(1, tenantId);
            statement.setObject(2, endpointId);
            statement.setObject(3, afterCreated);
            statement.setObject(4, afterCreated);
            statement.setObject(5, afterId);
            statement.setInt(6, limit);
            List<WebhookDelivery> deliveries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    delivery(row).ifPresent(deliveries::add);
                }
            }
            return deliveries;
        });
    }

    private boolean update(String sql, @Nullable Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
                    for (int i = 0; i < parameters.length; i++) {
                        statement.setObject(i + 1, parameters[i]);
                    }
                    return statement.executeUpdate();
                })
                == 1;
    }

    private static @Nullable String interval(@Nullable Duration duration) {
        return duration == null ? null : duration.toMillis() + " milliseconds";
    }

    private static Parcel parcel(ResultSet row) throws SQLException {
        return new Parcel(
                row.getObject("id", UUID.class),
                row.getObject("lease_until", OffsetDateTime.class),
                row.getObject("endpoint_id", UUID.class),
                row.getInt("attempts"),
                row.getString("url"),
                row.getBytes("secret_ciphertext"),
                row.getObject("event_id", UUID.class),
                row.getString("kind"),
                row.getObject("occurred_at", OffsetDateTime.class),
                row.getString("subject_type"),
                row.getObject("subject_id", UUID.class),
                row.getObject("partner_organisation_id", UUID.class),
                row.getString("summary"),
                row.getLong("now"));
    }

    private static java.util.Optional<WebhookDelivery> delivery(ResultSet row) throws SQLException {
        boolean pending = row.getString("status").equals("PENDING");
        // An event of a kind this version does not know (a newer pod's) is left out of the log it shows.
        return EventKind.ofType(row.getString("kind")).map(kind -> {
            try {
                return new WebhookDelivery(
                        row.getObject("id", UUID.class),
                        row.getObject("endpoint_id", UUID.class),
                        row.getObject("event_id", UUID.class),
                        kind,
                        row.getString("subject_type"),
                        row.getObject("subject_id", UUID.class),
                        WebhookDelivery.Status.valueOf(row.getString("status")),
                        row.getInt("attempts"),
                        row.getObject("last_attempt_at", OffsetDateTime.class),
                        (Integer) row.getObject("last_response_code"),
                        row.getString("last_error"),
                        pending ? row.getObject("next_attempt_at", OffsetDateTime.class) : null,
                        row.getObject("delivered_at", OffsetDateTime.class),
                        row.getObject("created_at", OffsetDateTime.class));
            } catch (SQLException e) {
                throw new IllegalStateException("A webhook delivery could not be read", e);
            }
        });
    }
}
