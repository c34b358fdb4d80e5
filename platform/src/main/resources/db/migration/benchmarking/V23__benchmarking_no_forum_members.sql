-- forum_members read a forum's member tenants across the tenant policy and was granted to the
-- runtime role, but nothing called it: a way across tenants that no feature needs is removed.
DROP FUNCTION forum_members(uuid);
