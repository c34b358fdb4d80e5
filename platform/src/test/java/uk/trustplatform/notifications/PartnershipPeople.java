package uk.trustplatform.notifications;

import java.util.UUID;
import uk.trustplatform.testing.TenantData;
import uk.trustplatform.testing.TestTenants;
import uk.trustplatform.testing.TestTenants.TestTenant;

/**
 * A partnership whose people the email tests write to, stored straight in the database (the tests
 * are about who is told, not how people are recorded): two agencies, each with partner leads who
 * were invited to sign in, a person of the first who was never invited, a board of two (the top
 * body) and a sub-group whose member is not on the board. Every address carries the tenant's slug.
 */
record PartnershipPeople(TestTenant tenant, UUID agency, UUID otherAgency) {

    static PartnershipPeople create(String prefix) {
        TestTenant tenant = TestTenants.active(prefix);
        UUID agency = UUID.randomUUID();
        UUID otherAgency = UUID.randomUUID();
        UUID board = UUID.randomUUID();
        UUID subGroup = UUID.randomUUID();
        String slug = tenant.slug();
        TenantData.change(tenant.id(), """
                INSERT INTO partner_organisation (tenant_id, id, name) VALUES
                    ('%1$s', '%2$s', 'Youth Offending Service'), ('%1$s', '%3$s', 'Community Health Trust');
                INSERT INTO partner_person (tenant_id, id, partner_organisation_id, name, email, invited_at) VALUES
                    ('%1$s', gen_random_uuid(), '%2$s', 'Asha', 'lead-%6$s@yos.example', now()),
                    ('%1$s', gen_random_uuid(), '%2$s', 'Ben', 'Champion-%6$s@yos.example', now()),
                    ('%1$s', gen_random_uuid(), '%2$s', 'Cat', 'uninvited-%6$s@yos.example', NULL),
                    ('%1$s', gen_random_uuid(), '%3$s', 'Dev', 'lead-%6$s@health.example', now());
                INSERT INTO governance_body (tenant_id, id, name, body_type, parent_id) VALUES
                    ('%1$s', '%4$s', 'Partnership board', 'board', NULL),
                    ('%1$s', '%5$s', 'Participation sub-group', 'sub-group', '%4$s');
                INSERT INTO partner_person (tenant_id, id, partner_organisation_id, name, email) VALUES
                    ('%1$s', gen_random_uuid(), '%3$s', 'Eve', 'chair-%6$s@board.example'),
                    ('%1$s', gen_random_uuid(), '%3$s', 'Fay', 'member-%6$s@board.example'),
                    ('%1$s', gen_random_uuid(), '%3$s', 'Gus', 'subgroup-%6$s@board.example');
                INSERT INTO governance_membership (tenant_id, id, governance_body_id, partner_organisation_id, partner_person_id)
                SELECT '%1$s', gen_random_uuid(), CASE WHEN email LIKE 'subgroup-%%' THEN '%5$s'::uuid ELSE '%4$s'::uuid END,
                       '%3$s', id
                FROM partner_person WHERE email LIKE '%%@board.example';
                """.formatted(tenant.id(), agency, otherAgency, board, subGroup, slug));
        return new PartnershipPeople(tenant, agency, otherAgency);
    }

    String name() {
        return "Test Trust " + tenant.slug();
    }

    /** The first agency's invited partner leads' addresses, lowercased. */
    String lead() {
        return "lead-" + tenant.slug() + "@yos.example";
    }

    String champion() {
        return "champion-" + tenant.slug() + "@yos.example";
    }

    String uninvited() {
        return "uninvited-" + tenant.slug() + "@yos.example";
    }

    String otherAgencyLead() {
        return "lead-" + tenant.slug() + "@health.example";
    }

    String chair() {
        return "chair-" + tenant.slug() + "@board.example";
    }

    String boardMember() {
        return "member-" + tenant.slug() + "@board.example";
    }

    String subGroupMember() {
        return "subgroup-" + tenant.slug() + "@board.example";
    }
}
