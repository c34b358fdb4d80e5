package uk.trustplatform.notifications;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** People's stored choices, by lowercased address and kind; a kind with no row is {@link EmailChoice#EACH}. */
@Singleton
final class NotificationPreferences {

    /** One stored choice and its version (0 for a kind never chosen). */
    record Stored(@Nullable UUID id, EmailChoice choice, long version) {

        static final Stored UNCHOSEN = new Stored(null, EmailChoice.EACH, 0);
    }

    private static final String OF_ADDRESS =
            "SELECT kind, id, choice, version FROM notification_preference WHERE tenant_id = ? AND address = ?";
    private static final String OF_KIND = "SELECT address, choice FROM notification_preference"
            + " WHERE tenant_id = ? AND kind = ? AND address = ANY (?)";
    private static final String INSERT = """
            INSERT INTO notification_preference (tenant_id, id, address, kind, choice, version)
            VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT (tenant_id, address, kind) DO NOTHING""";
    private static final String UPDATE = "UPDATE notification_preference SET choice = ?, version = version + 1"
            + " WHERE tenant_id = ? AND id = ? AND version = ?";

    private final JdbcOperations jdbc;

    NotificationPreferences(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The address's stored choices by kind. */
    Map<EventKind, Stored> of(UUID tenantId, String address) {
        return jdbc.prepareStatement(OF_ADDRESS, statement -> {
            statement.setObject(1, tenantId);
            statement.setString(2, address);
            Map<EventKind, Stored> stored = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Optional<EventKind> kind = EventKind.ofType(row.getString(1));
                    if (kind.isPresent()) {
                        stored.put(
                                kind.get(),
                                new Stored(
                                        row.getObject(2, UUID.class),
                                        EmailChoice.valueOf(row.getString(3)),
                                        row.getLong(4)));
                    }
                }
            }
            return stored;
        });
    }

    /** What each of {@code addresses} chose for {@code kind}; an address missing from the map chose nothing. */
    Map<String, EmailChoice> choices(UUID tenantId, EventKind kind, Collection<String> addresses) {
        return jdbc.prepareStatement(OF_KIND, statement -> {
            statement.setObject(1, tenantId);
            statement.setString(2, kind.type());
            statement.setArray(3, statement.getConnection().createArrayOf("text", addresses.toArray()));
            Map<String, EmailChoice> choices = new HashMap<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    choices.put(row.getString(1), EmailChoice.valueOf(row.getString(2)));
                }
            }
            return choices;
        });
    }

    /**
     * Saves a choice over the one read at {@code current}: the row's id, or empty when someone saved
     * another since (for a kind never chosen, when another save made it first).
     */
    Optional<UUID> save(UUID tenantId, String address, EventKind kind, EmailChoice choice, Stored current) {
        if (current.id() == null) {
            UUID id = UUID.randomUUID();
            int inserted = update(INSERT, tenantId, id, address, kind.type(), choice.name());
            return inserted == 1 ? Optional.of(id) : Optional.empty();
        }
        int updated = update(UPDATE, choice.name(), tenantId, current.id(), current.version());
        return updated == 1 ? Optional.of(current.id()) : Optional.empty();
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        });
    }
}
