-- The database's lock on tenant isolation. Every transaction of the application names its tenant
-- with set_config('app.tenant_id', ?, true); these policies compare every row against it. No
-- tenant set means NULL, and NULL matches no row: the policies fail closed.

CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- Platform-level work (onboarding, the tenant register) is marked with app.platform = 'on'.
CREATE FUNCTION app_platform_scope() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$;

-- Every tenant-owned table gets exactly this; later migrations call it for each table they add.
CREATE PROCEDURE app_isolate_by_tenant(target regclass)
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s'
                   ' USING (tenant_id = app_current_tenant())'
                   ' WITH CHECK (tenant_id = app_current_tenant())', target);
END
$$;
REVOKE ALL ON PROCEDURE app_isolate_by_tenant(regclass) FROM PUBLIC;

-- The tenant register is the platform's, not any tenant's: anyone may read it (the application
-- decides what to show), only platform-level work may change it.
CREATE PROCEDURE app_platform_register(target regclass)
    LANGUAGE plpgsql
    AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY register_read ON %s FOR SELECT USING (true)', target);
    EXECUTE format('CREATE POLICY register_write ON %s'
                   ' USING (app_platform_scope()) WITH CHECK (app_platform_scope())', target);
END
$$;
REVOKE ALL ON PROCEDURE app_platform_register(regclass) FROM PUBLIC;

CALL app_platform_register('tenant');
CALL app_platform_register('tenant_council');
