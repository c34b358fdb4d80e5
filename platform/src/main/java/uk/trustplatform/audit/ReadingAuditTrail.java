package uk.trustplatform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.Connection;
import uk.trustplatform.api.CursorShape;
import uk.trustplatform.api.CursorShape.Part;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.PageRequest;
import uk.trustplatform.api.Role;

/**
 * Reads the trail back for the people who answer for the partnership (its admins and board, and
 * a platform operator who names it), or an agency's part of it for its partner lead. Read in the
 * request's tenant, under the trail's row-level policy as well.
 */
@Singleton
final class ReadingAuditTrail {

    /** Newest first; entries of one instant in the order of their ids. */
    static final CursorShape CURSORS = CursorShape.of("auditTrail", Part.TIMESTAMP, Part.UUID);

    /** The longest name {@code by} is matched against: well above any person's. */
    static final int LONGEST_NAME = 200;

    /**
     * An entry is about a record when it is the entry's own, or when the entry's state names it as
     * its organisation or plan (a person's, a pledge's, an action's), which a deletion keeps too.
     */
    private static final String ABOUT = """
            (entity_id = ANY (CAST(? AS uuid[]))
             OR COALESCE(after, before) ->> 'partnerOrganisationId' = ANY (CAST(? AS text[]))
             OR COALESCE(after, before) ->> 'actionPlanId' = ANY (CAST(? AS text[])))""";

    private static final String PAGE = """
            SELECT id, occurred_at, actor, actor_name, actor_roles, action, entity_type, entity_id,
                   CAST(before AS text), CAST(after AS text)
            FROM audit_event
            WHERE tenant_id = ?
              AND (? OR %1$s)
              AND (? OR %1$s)
              AND (CAST(? AS text) IS NULL OR strpos(lower(actor_name), lower(CAST(? AS text))) > 0)
              AND (CAST(? AS date) IS NULL OR occurred_at >= CAST(CAST(? AS date) AS timestamp) AT TIME ZONE 'Europe/London')
              AND (CAST(? AS date) IS NULL OR occurred_at < CAST(CAST(? AS date) + 1 AS timestamp) AT TIME ZONE 'Europe/London')
              AND (CAST(? AS timestamptz) IS NULL
                   OR (occurred_at, id) < (CAST(? AS timestamptz), CAST(? AS uuid)))
            ORDER BY occurred_at DESC, id DESC
            LIMIT ?""".formatted(ABOUT);

    /** What one page asks for, its filters checked. */
    record Filter(
            @Nullable UUID object,
            @Nullable String by,
            @Nullable LocalDate from,
            @Nullable LocalDate to) {

        static Filter of(
                @Nullable String objectId, @Nullable String by, @Nullable LocalDate from, @Nullable LocalDate to) {
            UUID object = objectId == null
                    ? null
                    : GlobalId.decode(objectId)
                            .map(GlobalId::uuid)
                            .orElseThrow(() -> new ApiException(
                                    ErrorCode.BAD_USER_INPUT, "Argument 'objectId' is not an id this server issued."));
            String name = by == null || by.isBlank() ? null : by.strip();
            if (name != null && name.length() > LONGEST_NAME) {
                throw new ApiException(
                        ErrorCode.BAD_USER_INPUT, "Argument 'by' is longer than " + LONGEST_NAME + " characters.");
            }
            if (from != null && to != null && to.isBefore(from)) {
                throw new ApiException(ErrorCode.BAD_USER_INPUT, "Argument 'to' must be the same as or after 'from'.");
            }
            return new Filter(object, name, from, to);
        }
    }

    private final JdbcOperations jdbc;
    private final List<AgencyRecords> agencies;
    private final FieldChanges changes;

    ReadingAuditTrail(JdbcOperations jdbc, List<AgencyRecords> agencies, ObjectMapper json) {
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.changes = new FieldChanges(json);
    }

    Connection<AuditEntry> page(Caller caller, PageRequest page, Filter filter) {
        UUID tenantId = caller.requireTenant();
        Set<UUID> agency = caller.seesWholeTenant() ? null : agencyRecords(caller);
        List<AuditEntry> rows = jdbc.prepareStatement(PAGE, statement -> {
            int at = 1;
            statement.setObject(at++, tenantId);
            at = setAbout(statement, at, agency);
            at = setAbout(statement, at, filter.object() == null ? null : Set.of(filter.object()));
            at = setTwice(statement, at, filter.by(), Types.VARCHAR);
            at = setTwice(statement, at, filter.from(), Types.DATE);
            at = setTwice(statement, at, filter.to(), Types.DATE);
            statement.setObject(at++, page.continues() ? page.afterKey(0) : null, Types.VARCHAR);
            statement.setObject(at++, page.continues() ? page.afterKey(0) : null, Types.VARCHAR);
            statement.setObject(at++, page.continues() ? page.afterKey(1) : null, Types.VARCHAR);
            statement.setInt(at, page.fetchSize());
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(entry(row));
                }
            }
            return entries;
        });
        return Connection.fromRowsPlusOne(rows, page, entry -> page.cursor(entry.at(), entry.id()));
    }

    /** A partner lead's agency records; a partner system reads no trail (it holds people's names and roles). */
    private Set<UUID> agencyRecords(Caller caller) {
        if (!caller.has(Role.PARTNER_LEAD) || caller.partnerOrganisationId() == null) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only the partnership's admins and board, and a partner lead for its own agency, may read the"
                            + " audit trail.");
        }
        Set<UUID> records = new HashSet<>();
        agencies.forEach(feature -> records.addAll(feature.of(caller)));
        return records;
    }

    /** The flag that skips one {@link #ABOUT} test (null: every entry), then the test's three lists. */
    private static int setAbout(PreparedStatement statement, int at, @Nullable Set<UUID> records) throws SQLException {
        statement.setBoolean(at, records == null);
        Set<UUID> ids = records == null ? Set.of() : records;
        statement.setArray(at + 1, statement.getConnection().createArrayOf("uuid", ids.toArray()));
        String[] texts = ids.stream().map(UUID::toString).toArray(String[]::new);
        statement.setArray(at + 2, statement.getConnection().createArrayOf("text", texts));
        statement.setArray(at + 3, statement.getConnection().createArrayOf("text", texts));
        return at + 4;
    }

    private static int setTwice(PreparedStatement statement, int at, @Nullable Object value, int type)
            throws SQLException {
        statement.setObject(at, value, type);
        statement.setObject(at + 1, value, type);
        return at + 2;
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        String actor = row.getString("actor");
        String type = row.getString("entity_type");
        UUID entity = row.getObject("entity_id", UUID.class);
        return new AuditEntry(
                row.getObject("id", UUID.class),
                row.getObject("occurred_at", OffsetDateTime.class),
                actor.equals("system") ? "Trust Platform" : row.getString("actor_name"),
                List.of(row.getString("actor_roles").split(",")).contains(Role.PARTNER_INTEGRATION.tokenName()),
                row.getString("action"),
                entity == null ? null : new AuditedObject(type, entity),
                changes.between(row.getString(9), row.getString(10)));
    }
}
