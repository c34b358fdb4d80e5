-- A tenant's name is what Keycloak shows at sign-in and what regional forums compare by, and
-- Keycloak refuses two organizations of one name: no two tenants may share a name.
CREATE UNIQUE INDEX tenant_name_key ON tenant (lower(name));
