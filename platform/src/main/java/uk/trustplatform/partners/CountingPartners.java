package uk.trustplatform.partners;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Counts the people in roles of each top-level partner across its hierarchy, in one query for the tenant. */
@Singleton
final class CountingPartners {

    private static final String BY_TOP_LEVEL_PARTNER = """
            WITH RECURSIVE tree (root, id) AS (
                SELECT id, id FROM partner_organisation WHERE tenant_id = ? AND parent_id IS NULL
                UNION
                SELECT tree.root, o.id FROM partner_organisation o JOIN tree ON o.parent_id = tree.id
                WHERE o.tenant_id = ?)
            SELECT tree.root, top.category,
                   count(p.id) FILTER (WHERE 'STRATEGIC_LEAD' = ANY (p.roles)) AS leads,
                   count(p.id) FILTER (WHERE 'PARTICIPATION_CHAMPION' = ANY (p.roles)) AS champions
            FROM tree
            JOIN partner_organisation top ON top.tenant_id = ? AND top.id = tree.root
            LEFT JOIN partner_person p ON p.tenant_id = ? AND p.partner_organisation_id = tree.id
            GROUP BY tree.root, top.category, top.name
            ORDER BY top.name, tree.root""";

    private final JdbcOperations jdbc;

    CountingPartners(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every top-level partner of the tenant, by name, with its counts. */
    List<PartnerFigures> byTopLevelPartner(UUID tenantId) {
        return jdbc.prepareStatement(BY_TOP_LEVEL_PARTNER, statement -> {
            for (int i = 1; i <= 4; i++) {
                statement.setObject(i, tenantId);
            }
            List<PartnerFigures> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new PartnerFigures(
                            row.getObject(1, UUID.class), row.getString(2), row.getInt(3), row.getInt(4)));
                }
            }
            return rows;
        });
    }
}
