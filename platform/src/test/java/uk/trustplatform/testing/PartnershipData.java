package uk.trustplatform.testing;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a partnership's partners, people, plans, actions, pledges and self-assessments straight into the database,
 * as the owner bound to the tenant: for tests that need many rows fast (listings, indicators)
 * and are not about how the rows are made. The template and pledge editions must already exist.
 */
public final class PartnershipData implements AutoCloseable {

    private final Connection owner;
    private final UUID tenant;

    private PartnershipData(Connection owner, UUID tenant) {
        this.owner = owner;
        this.tenant = tenant;
    }

    /** Opens a transaction for the tenant; {@link #close()} commits it. */
    public static PartnershipData of(UUID tenant) throws SQLException {
        Connection owner = TestDatabase.ownerConnection();
        owner.setAutoCommit(false);
        try (PreparedStatement bind = owner.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant.toString());
            bind.execute();
        }
        return new PartnershipData(owner, tenant);
    }

    /** Opens a transaction for the tenant of that slug (a seed partnership or its copy). */
    public static PartnershipData ofSlug(String slug) throws SQLException {
        try (Connection owner = TestDatabase.ownerConnection();
                PreparedStatement find = owner.prepareStatement("SELECT id FROM tenant WHERE slug = ?")) {
            find.setString(1, slug);
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalArgumentException("No tenant " + slug);
                }
                return of(row.getObject(1, UUID.class));
            }
        }
    }

    /** A top-level partner in a category (or none); its id. */
    public UUID partner(String name, String category) throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                "INSERT INTO partner_organisation (tenant_id, id, name, category) VALUES (?, ?, ?, ?)",
                tenant,
                id,
                name,
                category);
        return id;
    }

    /** A person of an organisation in the given roles. */
    public void person(UUID organisation, String... roles) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(
                "INSERT INTO partner_person (tenant_id, id, partner_organisation_id, name, roles) VALUES (?, ?, ?, 'Someone', ?)")) {
            statement.setObject(1, tenant);
            statement.setObject(2, UUID.randomUUID());
            statement.setObject(3, organisation);
            statement.setArray(4, owner.createArrayOf("text", roles));
            statement.executeUpdate();
        }
    }

    /** An approved plan of the template's period 2026–2027 under the hear-by-right framework; its id. */
    public UUID plan(UUID partner, UUID template) throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                "INSERT INTO action_plan (tenant_id, id, partner_organisation_id, template_id, framework, period_start,"
                        + " period_end, status) VALUES (?, ?, ?, ?, 'hear-by-right', 2026, 2027, 'APPROVED')",
                tenant,
                id,
                partner,
                template);
        return id;
    }

    /** An action of a plan under a standard of section 1, with a status, a RAG (or none) and a due date. */
    public void action(UUID plan, String standard, String status, String rag, LocalDate due) throws SQLException {
        insert(
                "INSERT INTO plan_action (tenant_id, id, action_plan_id, section_number, outcome_number, standard,"
                        + " description, status, rag, due_date) VALUES (?, ?, ?, '1', '1.1', ?, 'Act', ?, ?, ?)",
                tenant,
                UUID.randomUUID(),
                plan,
                standard,
                status,
                rag,
                Date.valueOf(due));
    }

    /**
     * A participation activity of the partner aimed at young people, a week long, ending on
     * {@code ends}; with its feedback given the day after when {@code fedBack}.
     */
    public void activity(UUID partner, LocalDate ends, boolean fedBack) throws SQLException {
        insert(
                "INSERT INTO participation_activity (tenant_id, id, partner_organisation_id, title, purpose, starts_on,"
                        + " ends_on, age_bands, you_said, we_did, feedback_given_on)"
                        + " VALUES (?, ?, ?, 'Survey', 'To hear them', ?, ?, '{Young people}', ?, ?, ?)",
                tenant,
                UUID.randomUUID(),
                partner,
                Date.valueOf(ends.minusDays(7)),
                Date.valueOf(ends),
                fedBack ? "Later meetings" : null,
                fedBack ? "Moved them" : null,
                fedBack ? Date.valueOf(ends.plusDays(1)) : null);
    }

    /** A pledge of the partner, signed and registered on {@code signed}, due a year later. */
    public void pledge(UUID partner, UUID pledge, LocalDate signed) throws SQLException {
        insert(
                "INSERT INTO pledge_registration (tenant_id, id, partner_organisation_id, pledge_id, status, invited_at,"
                        + " signatory, post_held, on_behalf_of, signed_on, registered_on, renewal_due_on, badge_code)"
                        + " VALUES (?, ?, ?, ?, 'REGISTERED', now(), 'A Signatory', 'Director', 'The partner', ?, ?, ?, ?)",
                tenant,
                UUID.randomUUID(),
                partner,
                pledge,
                Date.valueOf(signed),
                Date.valueOf(signed),
                Date.valueOf(signed.plusMonths(12)),
                badgeCode());
    }

    /** The partner's Section 11 audit of a round, moderated, carried forward from an earlier one or none; its id. */
    public UUID section11Audit(UUID partner, int round, UUID carriedForwardFrom) throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                "INSERT INTO section11_audit (tenant_id, id, partner_organisation_id, round, framework, status,"
                        + " carried_forward_from) VALUES (?, ?, ?, ?, 'section-11', 'MODERATED', ?)",
                tenant,
                id,
                partner,
                round,
                carriedForwardFrom);
        return id;
    }

    /**
     * A self-assessment of the partner for a year against a framework on a scale, in a status,
     * rating standards "1", "2" … at the levels given, in order.
     */
    public void selfAssessment(UUID partner, int year, String framework, String scale, String status, String... levels)
            throws SQLException {
        UUID id = UUID.randomUUID();
        insert(
                "INSERT INTO self_assessment (tenant_id, id, partner_organisation_id, year, framework, scale, status,"
                        + " review_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant,
                id,
                partner,
                year,
                framework,
                scale,
                status,
                status.equals("RETURNED") ? "Say more" : null);
        for (int i = 0; i < levels.length; i++) {
            String standard = String.valueOf(i + 1);
            insert(
                    "INSERT INTO self_assessment_rating (tenant_id, id, assessment_id, position, standard, criterion,"
                            + " level) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    tenant,
                    UUID.randomUUID(),
                    id,
                    i,
                    standard,
                    standard,
                    levels[i]);
        }
    }

    /** A badge code of the form the platform issues (16 random bytes, base64url), so its address can be checked. */
    private static String badgeCode() {
        byte[] code = new byte[16];
        ThreadLocalRandom.current().nextBytes(code);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(code);
    }

    /**
     * How many rows of the tenant a table holds (named, since the owner may read some tables across
     * tenants).
     */
    public int count(String table) throws SQLException {
        try (PreparedStatement statement =
                owner.prepareStatement("SELECT count(*) FROM " + table + " WHERE tenant_id = ?")) {
            statement.setObject(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private void insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        try (owner) {
            owner.commit();
        }
    }
}
