package uk.trustplatform.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Generates a platform-sized data set straight into PostgreSQL, as the owner, one tenant per
 * transaction bound to that tenant (row-level security stays on): partners with categories and
 * people in roles, one approved plan per partner with its actions, pledges for most partners, three
 * participation activities per partner (most with feedback), and every tenant a member of one
 * regional forum. The shapes vary by a hash, its sign bit masked off (abs() of the smallest integer
 * overflows), so figures differ.
 */
final class PlatformData {

    static final String FORUM = "bench-forum";
    static final String PERIOD = "2026-2027";
    private static final String TEMPLATE = """
            {"title":"Participation action plan","periodStart":2026,"periodEnd":2027,"framework":"hear-by-right",
             "columns":[{"key":"action","label":"Supporting actions","type":"TEXT"}],
             "sections":[{"number":"1","title":"Shared values","standard":"1","outcomes":[{"number":"1.1","text":"Children are heard"}]}]}""";
    private static final String PLEDGE = """
            {"title":"Safeguarding pledge","framework":"hear-by-right","statement":"We agree.",
             "commitments":[{"standard":"1","text":"We listen."}],"signatureFields":["Signed"],"renewalMonths":12}""";

    private final Connection owner;

    PlatformData(Connection owner) {
        this.owner = owner;
    }

    /** The forum all generated tenants share every indicator set with; its id. */
    UUID forum() throws SQLException {
        UUID id = UUID.randomUUID();
        platform(
                "INSERT INTO regional_forum (id, slug, name, region) VALUES (?, ?, 'Benchmark forum', 'NORTH_WEST')",
                id,
                FORUM);
        return id;
    }

    /** One tenant of {@code partners} partners with {@code actions} actions each; its id. */
    UUID tenant(String slug, String name, int partners, int actions, UUID forum) throws SQLException {
        UUID tenant = UUID.randomUUID();
        platform(
                "INSERT INTO tenant (id, slug, name, kind, region, status) VALUES (?, ?, ?, 'CHILDRENS_TRUST', 'NORTH_WEST', 'ACTIVE')",
                tenant,
                slug,
                name);
        owner.setAutoCommit(false);
        run("SELECT set_config('app.tenant_id', ?, true)", tenant.toString());
        UUID template = UUID.randomUUID();
        UUID pledge = UUID.randomUUID();
        run(
                "INSERT INTO configuration_document (tenant_id, id, kind, key, edition, status, period_start, period_end,"
                        + " content, published_at) VALUES (?, ?, 'ACTION_PLAN_TEMPLATE', 'action-plan-template-2026-2027',"
                        + " 1, 'PUBLISHED', 2026, 2027, ?::jsonb, now())",
                tenant,
                template,
                TEMPLATE);
        run(
                "INSERT INTO configuration_document (tenant_id, id, kind, key, edition, status, content, published_at)"
                        + " VALUES (?, ?, 'PLEDGE', 'pledge', 1, 'PUBLISHED', ?::jsonb, now())",
                tenant,
                pledge,
                PLEDGE);
        run(
                "INSERT INTO partner_organisation (tenant_id, id, name, category)"
                        + " SELECT ?, gen_random_uuid(), 'Partner ' || i || ' of ' || ?,"
                        + " (ARRAY['statutory-board-member','statutory-non-member','pvi-community','contracted'])[1 + i % 4]"
                        + " FROM generate_series(1, ?) i",
                tenant, slug, partners);
        run(
                "INSERT INTO partner_person (tenant_id, id, partner_organisation_id, name, roles)"
                        + " SELECT p.tenant_id, gen_random_uuid(), p.id, 'Strategic lead', ARRAY['STRATEGIC_LEAD']"
                        + " FROM partner_organisation p WHERE p.tenant_id = ? AND (hashtext(p.name) & 2147483647) % 10 < 7",
                tenant);
        run(
                "INSERT INTO partner_person (tenant_id, id, partner_organisation_id, name, roles)"
                        + " SELECT p.tenant_id, gen_random_uuid(), p.id, 'Champion', ARRAY['PARTICIPATION_CHAMPION']"
                        + " FROM partner_organisation p, generate_series(1, (hashtext(p.name || 'c') & 2147483647) % 4) n"
                        + " WHERE p.tenant_id = ?",
                tenant);
        run(
                "INSERT INTO action_plan (tenant_id, id, partner_organisation_id, template_id, framework, period_start,"
                        + " period_end, status) SELECT p.tenant_id, gen_random_uuid(), p.id, ?, 'hear-by-right', 2026, 2027,"
                        + " 'APPROVED' FROM partner_organisation p WHERE p.tenant_id = ?",
                template,
                tenant);
        run(
                "INSERT INTO plan_action (tenant_id, id, action_plan_id, section_number, outcome_number, standard,"
                        + " description, status, rag, due_date)"
                        + " SELECT a.tenant_id, gen_random_uuid(), a.id, '1', '1.1', (1 + (n + h) % 7)::text, 'Action ' || n,"
                        + " (ARRAY['NOT_STARTED','IN_PROGRESS','COMPLETE'])[1 + (n + h) % 3],"
                        + " (ARRAY['RED','AMBER','GREEN',NULL])[1 + (n * 7 + h) % 4],"
                        + " DATE '2026-04-01' + (n * 13 + h) % 540"
                        + " FROM (SELECT id, tenant_id, (hashtext(id::text) & 2147483647) AS h FROM action_plan WHERE tenant_id = ?) a,"
                        + " generate_series(1, ?) n",
                tenant, actions);
        run(
                "INSERT INTO pledge_registration (tenant_id, id, partner_organisation_id, pledge_id, status, invited_at,"
                        + " signatory, post_held, on_behalf_of, signed_on, registered_on, renewal_due_on, badge_code)"
                        + " SELECT p.tenant_id, gen_random_uuid(), p.id, ?, 'REGISTERED', now(), 'A Signatory', 'Director',"
                        + " p.name, current_date - 30, current_date - 30, current_date + 335, gen_random_uuid()::text"
                        + " FROM partner_organisation p WHERE p.tenant_id = ? AND (hashtext(p.name || 'p') & 2147483647) % 10 < 6",
                pledge, tenant);
        run(
                "INSERT INTO participation_activity (tenant_id, id, partner_organisation_id, title, purpose, starts_on,"
                        + " ends_on, audience_groups, you_said, we_did, feedback_given_on)"
                        + " SELECT p.tenant_id, gen_random_uuid(), p.id, 'Activity ' || n, 'To hear them',"
                        + " current_date - (n * 60 + 7), current_date - n * 60, '{young-carers}',"
                        + " CASE WHEN h % 10 < 6 THEN 'They said' END, CASE WHEN h % 10 < 6 THEN 'We did' END,"
                        + " CASE WHEN h % 10 < 6 THEN current_date - n * 60 + 3 END"
                        + " FROM partner_organisation p, generate_series(1, 3) n,"
                        + " LATERAL (SELECT (hashtext(p.name || n) & 2147483647) AS h) x WHERE p.tenant_id = ?",
                tenant);
        run(
                "INSERT INTO forum_membership (tenant_id, forum_id, indicator_set)"
                        + " SELECT ?, ?, s FROM unnest(ARRAY['PLEDGES', 'ACTION_PLANS', 'PARTNERS', 'PARTICIPATION']) s",
                tenant,
                forum);
        owner.commit();
        owner.setAutoCommit(true);
        return tenant;
    }

    /** The tenant's partner organisations' ids, by name. */
    List<UUID> partners(UUID tenant) throws SQLException {
        owner.setAutoCommit(false);
        run("SELECT set_config('app.tenant_id', ?, true)", tenant.toString());
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement statement =
                owner.prepareStatement("SELECT id FROM partner_organisation WHERE tenant_id = ? ORDER BY name")) {
            statement.setObject(1, tenant);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
        }
        owner.commit();
        owner.setAutoCommit(true);
        return ids;
    }

    private void platform(String sql, Object... values) throws SQLException {
        owner.setAutoCommit(false);
        run("SELECT set_config('app.platform', 'on', true)");
        run(sql, values);
        owner.commit();
        owner.setAutoCommit(true);
    }

    private void run(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = owner.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.execute();
        }
    }
}
