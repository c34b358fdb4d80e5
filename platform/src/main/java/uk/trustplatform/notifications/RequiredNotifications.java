package uk.trustplatform.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The kinds a partnership requires its people to hear of: one row per tenant, with its version. */
@Singleton
final class RequiredNotifications {

    /** The required kinds as stored; version 0 and no id when the partnership never chose any. */
    record Required(@Nullable UUID id, Set<EventKind> kinds, long version) {

        static final Required NONE = new Required(null, Set.of(), 0);

        boolean requires(EventKind kind) {
            return kinds.contains(kind);
        }
    }

    private static final String READ = "SELECT id, kinds, version FROM notification_requirement WHERE tenant_id = ?";
    private static final String INSERT = """
            INSERT INTO notification_requirement (tenant_id, id, kinds, version) VALUES (?, ?, ?, 1)
            ON CONFLICT (tenant_id) DO NOTHING""";
    private static final String UPDATE = "UPDATE notification_requirement SET kinds = ?, version = version + 1"
            + " WHERE tenant_id = ? AND id = ? AND version = ?";

    private final JdbcOperations jdbc;

    RequiredNotifications(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Required of(UUID tenantId) {
        return jdbc.prepareStatement(READ, statement -> {
            statement.setObject(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Required.NONE;
                }
                Set<EventKind> kinds = EnumSet.noneOf(EventKind.class);
                Arrays.stream((String[]) row.getArray(2).getArray())
                        .map(EventKind::ofType)
                        .flatMap(Optional::stream)
                        .forEach(kinds::add);
                return new Required(row.getObject(1, UUID.class), Set.copyOf(kinds), row.getLong(3));
            }
        });
    }

    /** Saves {@code kinds} over what was read as {@code current}; empty when someone saved since. */
    Optional<Required> save(UUID tenantId, Set<EventKind> kinds, Required current) {
        UUID id = current.id() == null ? UUID.randomUUID() : current.id();
        int saved = jdbc.prepareStatement(current.id() == null ? INSERT : UPDATE, statement -> {
            Array types = statement
                    .getConnection()
                    .createArrayOf(
                            "text", kinds.stream().map(EventKind::type).sorted().toArray());
            if (current.id() == null) {
                statement.setObject(1, tenantId);
                statement.setObject(2, id);
                statement.setArray(3, types);
            } else {
                statement.setArray(1, types);
                statement.setObject(2, tenantId);
                statement.setObject(3, id);
                statement.setLong(4, current.version());
            }
            return statement.executeUpdate();
        });
        return saved == 1 ? Optional.of(new Required(id, Set.copyOf(kinds), current.version() + 1)) : Optional.empty();
    }
}
