package uk.trustplatform.audit;

import graphql.schema.idl.TypeRuntimeWiring;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.trustplatform.api.Audited;
import uk.trustplatform.api.Fetched;
import uk.trustplatform.api.PerRequestLoader;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.api.SchemaTypes;
import uk.trustplatform.api.SharedFieldWiring;

/**
 * The {@code lastChange} field of every audited type: who made the newest entry of the audit
 * trail about the record, and when. Read in the request's tenant (the trail is under the tenant
 * policy), for many records in one query.
 */
@Singleton
final class LastChanges implements PerRequestLoader<UUID, LastChanges.Change>, SharedFieldWiring {

    static final String NAME = "lastChanges";

    /** The types whose records are audited under their own id. */
    private static final List<String> TYPES = List.of(
            SchemaTypes.PARTNER_ORGANISATION,
            SchemaTypes.PARTNER_PERSON,
            SchemaTypes.GOVERNANCE_BODY,
            SchemaTypes.ACTION_PLAN,
            SchemaTypes.ACTION,
            SchemaTypes.PLEDGE_REGISTRATION,
            SchemaTypes.SECTION11_AUDIT,
            SchemaTypes.SELF_ASSESSMENT,
            SchemaTypes.PARTICIPATION_ACTIVITY,
            SchemaTypes.INSPECTION,
            SchemaTypes.STANDARDS_FRAMEWORK,
            SchemaTypes.STRATEGY,
            SchemaTypes.ACTION_PLAN_TEMPLATE,
            SchemaTypes.CHARTER,
            SchemaTypes.PLEDGE,
            SchemaTypes.VOCABULARIES,
            SchemaTypes.GUIDANCE);

    private static final String NEWEST = """
            SELECT DISTINCT ON (entity_id) entity_id,
                   CASE WHEN actor = 'system' THEN 'Trust Platform' ELSE actor_name END, occurred_at
            FROM audit_event WHERE tenant_id = ? AND entity_id = ANY (?)
            ORDER BY entity_id, occurred_at DESC""";

    /** A change: who made it (null when the trail predates names), and when. */
    record Change(String by, OffsetDateTime at) {}

    private final JdbcOperations jdbc;

    LastChanges(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<UUID, Change> loadAll(Set<UUID> ids) {
        UUID tenantId = RequestContext.current()
                .map(request -> request.caller().tenantId())
                .orElse(null);
        if (tenantId == null || ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(NEWEST, statement -> {
            statement.setObject(1, tenantId);
            Array array = statement.getConnection().createArrayOf("uuid", ids.toArray());
            statement.setArray(2, array);
            Map<UUID, Change> changes = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    changes.put(
                            row.getObject(1, UUID.class),
                            new Change(row.getString(2), row.getObject(3, OffsetDateTime.class)));
                }
            }
            return changes;
        });
    }

    @Override
    public List<TypeRuntimeWiring> typeWirings() {
        return TYPES.stream()
                .map(type -> TypeRuntimeWiring.newTypeWiring(type)
                        .dataFetcher(
                                "lastChange",
                                env -> Fetched.<UUID, Change>loader(env, NAME)
                                        .load(Fetched.<Audited>source(env).id()))
                        .build())
                .toList();
    }
}
