-- Tenants may share their participation register's figures (feedback loops closed) as a set of
-- their own.
ALTER TABLE forum_membership DROP CONSTRAINT forum_membership_set_known;
ALTER TABLE forum_membership ADD CONSTRAINT forum_membership_set_known
    CHECK (indicator_set IN ('PLEDGES', 'ACTION_PLANS', 'PARTNERS', 'PARTICIPATION'));
