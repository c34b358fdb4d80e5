package uk.trustplatform.partners;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.notifications.OrganisationNames;

/**
 * The partnership's people whom the platform emails about what happened (notifications): an
 * agency's partner leads and the board, and the names of the organisations events are about. Read
 * inside the caller's transaction for the tenant; only people with an address are named.
 */
@Singleton
final class PeopleToTell implements OrganisationNames {

    /**
     * Someone to write to.
     *
     * @param address their work email, as recorded
     * @param name how to greet them
     */
    record Contact(String address, String name) {}

    // The organisation and those above it (a service's agency): UNION, not UNION ALL, ends the walk
    // at an organisation already reached.
    private static final String LEADS = """
            WITH RECURSIVE above (id) AS (
                SELECT CAST(? AS uuid)
                UNION
                SELECT organisation.parent_id FROM partner_organisation organisation
                JOIN above ON organisation.id = above.id
                WHERE organisation.tenant_id = ? AND organisation.parent_id IS NOT NULL)
            SELECT email, name FROM partner_person
            WHERE tenant_id = ? AND partner_organisation_id IN (SELECT id FROM above)
              AND invited_at IS NOT NULL AND email IS NOT NULL
            ORDER BY lower(email)""";
    // The partnership's own top-level bodies (the board, the executive), not their sub-groups.
    private static final String BOARD = """
            SELECT DISTINCT person.email, person.name FROM governance_membership membership
            JOIN governance_body body ON body.tenant_id = membership.tenant_id AND body.id = membership.governance_body_id
            JOIN partner_person person
              ON person.tenant_id = membership.tenant_id AND person.id = membership.partner_person_id
            WHERE membership.tenant_id = ? AND body.parent_id IS NULL AND person.email IS NOT NULL
            ORDER BY person.email""";
    private static final String ORGANISATION_NAME =
            "SELECT name FROM partner_organisation WHERE tenant_id = ? AND id = ?";

    private final JdbcOperations jdbc;

    PeopleToTell(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The partner leads of the organisation and of each above it (a service's agency hears of the
     * service): their people who were invited to sign in, with an address.
     */
    List<Contact> leadsOf(UUID tenantId, UUID organisation) {
        return jdbc.prepareStatement(LEADS, statement -> {
            statement.setObject(1, organisation);
            statement.setObject(2, tenantId);
            statement.setObject(3, tenantId);
            return contacts(statement);
        });
    }

    /** The people who sit on the partnership's top-level governance bodies, with an address. */
    List<Contact> board(UUID tenantId) {
        return jdbc.prepareStatement(BOARD, statement -> {
            statement.setObject(1, tenantId);
            return contacts(statement);
        });
    }

    @Override
    public Optional<String> of(UUID tenantId, UUID organisation) {
        return jdbc.prepareStatement(ORGANISATION_NAME, statement -> {
            statement.setObject(1, tenantId);
            statement.setObject(2, organisation);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        });
    }

    private static List<Contact> contacts(PreparedStatement statement) throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                contacts.add(new Contact(row.getString(1), row.getString(2)));
            }
        }
        return contacts;
    }
}
