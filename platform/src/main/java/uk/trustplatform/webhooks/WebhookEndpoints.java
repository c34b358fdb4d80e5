package uk.trustplatform.webhooks;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.notifications.EventKind;

/**
 * The tenant's webhook endpoints, in the current transaction's tenant. Every statement names the
 * tenant as well as relying on its row-level policy. A change of an existing endpoint names the
 * version read, and changes nothing when another change came first.
 */
@Singleton
final class WebhookEndpoints {

    private static final String COLUMNS = "id, tenant_id, url, description, event_kinds, partner_organisation_id,"
            + " contact_email, status, paused_reason, consecutive_failures, created_at, created_by, version";

    private final JdbcOperations jdbc;

    WebhookEndpoints(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookEndpoint endpoint, byte[] sealedSecret) {
        String sql = "INSERT INTO webhook_endpoint (tenant_id, id, url, description, event_kinds,"
                + " partner_organisation_id, contact_email, secret_ciphertext, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, endpoint.tenantId());
            statement.setObject(2, endpoint.id());
            statement.setString(3, endpoint.url());
            statement.setString(4, endpoint.description());
            statement.setArray(5, kinds(statement, endpoint.eventKinds()));
            statement.setObject(6, endpoint.partnerOrganisationId());
            statement.setString(7, endpoint.contactEmail());
            statement.setBytes(8, sealedSecret);
            statement.setObject(9, endpoint.createdAt());
            statement.setString(10, endpoint.createdBy());
            return statement.executeUpdate();
        });
    }

    Optional<WebhookEndpoint> find(UUID tenantId, UUID id) {
        return one("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE tenant_id = ? AND id = ?", tenantId, id);
    }

    /**
     * One page, newest first: of every endpoint when {@code organisation} is null, else that
     * organisation's own.
     */
    List<WebhookEndpoint> page(
            UUID tenantId,
            @Nullable UUID organisation,
            @Nullable OffsetDateTime afterCreated,
            @Nullable UUID afterId,
            int limit) {
        String sql = "SELECT " + COLUMNS + " FROM webhook_endpoint WHERE tenant_id = ?"
                + " AND (CAST(? AS uuid) IS NULL OR partner_organisation_id = CAST(? AS uuid))"
                + " AND (CAST(? AS timestamptz) IS NULL OR (created_at, id) < (CAST(? AS timestamptz), CAST(? AS uuid)))"
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return all(sql, tenantId, organisation, organisation, afterCreated, afterCreated, afterId, limit);
    }

    /**
     * How many endpoints the agency has (null: the partnership's own), counted under a lock on that
     * count held until the transaction ends, so two registrations at once cannot both pass a limit.
     */
    long countHeld(UUID tenantId, @Nullable UUID organisation) {
        String whose = "webhook_endpoint:" + tenantId + ":" + (organisation == null ? "partnership" : organisation);
        // The lock first, in a statement of its own: a count in the same statement would read a
        // snapshot taken before the lock was granted.
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", statement -> {
            statement.setString(1, whose);
            return statement.execute();
        });
        return jdbc.prepareStatement(
                "SELECT count(*) FROM webhook_endpoint WHERE tenant_id = ?"
                        + " AND partner_organisation_id IS NOT DISTINCT FROM CAST(? AS uuid)",
                statement -> {
                    statement.setObject(1, tenantId);
                    statement.setObject(2, organisation);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
    }

    /** The endpoint paused or resumed, at the version read; empty when that is no longer its version. */
    Optional<WebhookEndpoint> setStatus(
            UUID tenantId, UUID id, long version, WebhookEndpoint.Status status, @Nullable String reason) {
        return one(
                "UPDATE webhook_endpoint SET status = ?, paused_reason = ?, consecutive_failures = 0,"
                        + " version = version + 1 WHERE tenant_id = ? AND id = ? AND version = ?"
                        + " RETURNING " + COLUMNS,
                status.name(),
                reason,
                tenantId,
                id,
                version);
    }

    /** Whether the endpoint (and its delivery log) was removed at the version read. */
    boolean remove(UUID tenantId, UUID id, long version) {
        return jdbc.prepareStatement(
                        "DELETE FROM webhook_endpoint WHERE tenant_id = ? AND id = ? AND version = ?", statement -> {
                            statement.setObject(1, tenantId);
                            statement.setObject(2, id);
                            statement.setLong(3, version);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** A success: the endpoint's run of failures ends. */
    void succeeded(UUID tenantId, UUID id) {
        update(
                "UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE tenant_id = ? AND id = ?"
                        + " AND consecutive_failures <> 0",
                tenantId,
                id);
    }

    /** A failed attempt; the endpoint as it now is (its run of failures one longer). */
    Optional<WebhookEndpoint> failed(UUID tenantId, UUID id) {
        return one(
                "UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1"
                        + " WHERE tenant_id = ? AND id = ? RETURNING " + COLUMNS,
                tenantId,
                id);
    }

    /** Pauses an active endpoint that keeps failing; true when this call paused it. */
    boolean pauseFailing(UUID tenantId, UUID id, String reason) {
        return update(
                        "UPDATE webhook_endpoint SET status = 'PAUSED', paused_reason = ?, version = version + 1"
                                + " WHERE tenant_id = ? AND id = ? AND status = 'ACTIVE'",
                        reason,
                        tenantId,
                        id)
                == 1;
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            return statement.executeUpdate();
        });
    }

    private Optional<WebhookEndpoint> one(String sql, @Nullable Object... parameters) {
        return all(sql, parameters).stream().findFirst();
    }

    private List<WebhookEndpoint> all(String sql, @Nullable Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<WebhookEndpoint> endpoints = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    endpoints.add(endpoint(row));
                }
            }
            return endpoints;
        });
    }

    private static void bind(PreparedStatement statement, @Nullable Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static Array kinds(PreparedStatement statement, List<EventKind> kinds) throws SQLException {
        return statement
                .getConnection()
                .createArrayOf("text", kinds.stream().map(EventKind::type).toArray());
    }

    private static WebhookEndpoint endpoint(ResultSet row) throws SQLException {
        // A kind this version does not know (a newer pod's, in a rolling update) is left out of the view.
        List<EventKind> kinds = Arrays.stream(
                        (String[]) row.getArray("event_kinds").getArray())
                .flatMap(type -> EventKind.ofType(type).stream())
                .toList();
        return new WebhookEndpoint(
                row.getObject("id", UUID.class),
                row.getObject("tenant_id", UUID.class),
                row.getString("url"),
                row.getString("description"),
                kinds,
                row.getObject("partner_organisation_id", UUID.class),
                row.getString("contact_email"),
                WebhookEndpoint.Status.valueOf(row.getString("status")),
                row.getString("paused_reason"),
                row.getInt("consecutive_failures"),
                row.getObject("created_at", OffsetDateTime.class),
                row.getString("created_by"),
                row.getLong("version"));
    }
}
