package uk.trustplatform.partners;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.configuration.InForceConfiguration;

/**
 * The partners a board should follow up: no strategic lead, or fewer participation champions
 * than the tenant asks for. A top-level partner counts the people of its whole hierarchy (Medway
 * asks for champions "across their organisation"). One query for the whole tenant.
 */
@Singleton
final class FindingPartnerGaps {

    /** What the schema's PartnerGaps shows; the organisations are loaded by id. */
    record Gaps(int minimumParticipationChampions, List<UUID> withoutStrategicLead, List<Shortfall> tooFewChampions) {}

    record Shortfall(UUID partnerOrganisationId, int champions) {}

    private static final String COUNT_BY_PARTNER = """
            WITH RECURSIVE tree (root, id) AS (
                SELECT id, id FROM partner_organisation WHERE tenant_id = ? AND parent_id IS NULL
                UNION
                SELECT tree.root, o.id FROM partner_organisation o JOIN tree ON o.parent_id = tree.id
                WHERE o.tenant_id = ?)
            SELECT tree.root, top.name,
                   count(p.id) FILTER (WHERE 'STRATEGIC_LEAD' = ANY (p.roles)) AS leads,
                   count(p.id) FILTER (WHERE 'PARTICIPATION_CHAMPION' = ANY (p.roles)) AS champions
            FROM tree
            JOIN partner_organisation top ON top.tenant_id = ? AND top.id = tree.root
            LEFT JOIN partner_person p ON p.tenant_id = ? AND p.partner_organisation_id = tree.id
            GROUP BY tree.root, top.name
            ORDER BY top.name, tree.root""";

    private record Counts(UUID root, int leads, int champions) {}

    private final JdbcOperations jdbc;
    private final InForceConfiguration configuration;

    FindingPartnerGaps(JdbcOperations jdbc, InForceConfiguration configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    Gaps find(Caller caller) {
        UUID tenantId = caller.requireTenant();
        if (!caller.seesWholeTenant()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only tenant admins and board members see partners' gaps.");
        }
        int minimum = configuration.settings(tenantId).minimumParticipationChampions();
        List<Counts> counts = jdbc.prepareStatement(COUNT_BY_PARTNER, statement -> {
            for (int i = 1; i <= 4; i++) {
                statement.setObject(i, tenantId);
            }
            List<Counts> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Counts(row.getObject(1, UUID.class), row.getInt(3), row.getInt(4)));
                }
            }
            return rows;
        });
        return new Gaps(
                minimum,
                counts.stream().filter(c -> c.leads() == 0).map(Counts::root).toList(),
                counts.stream()
                        .filter(c -> c.champions() < minimum)
                        .sorted(Comparator.comparingInt(Counts::champions))
                        .map(c -> new Shortfall(c.root(), c.champions()))
                        .toList());
    }
}
