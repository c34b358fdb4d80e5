-- Tenants may share their partners' self-assessment levels (per standard of a framework, on the
-- built-in scales) as a set of their own.
ALTER TABLE forum_membership DROP CONSTRAINT forum_membership_set_known;
ALTER TABLE forum_membership ADD CONSTRAINT forum_membership_set_known
    CHECK (indicator_set IN ('PLEDGES', 'ACTION_PLANS', 'PARTNERS', 'PARTICIPATION', 'SELF_ASSESSMENT'));
