-- Cross-authority benchmarking. Forums are the platform's (a register, like tenants); a tenant's
-- memberships and its indicator snapshots are its own, under the tenant policy like every tenant
-- table. Only aggregates ever leave a tenant: the forum functions below read the indicator
-- snapshots (counts, never rows of partners, plans or pledges), and only they can read across
-- tenants, because they run as the owner and these tables admit the owner's reads.

CREATE TABLE regional_forum (
    id              uuid PRIMARY KEY,
    slug            text NOT NULL UNIQUE,
    name            text NOT NULL,
    region          text NOT NULL,
    minimum_records integer NOT NULL DEFAULT 5,
    naming          text NOT NULL DEFAULT 'NAMED',
    version         bigint NOT NULL DEFAULT 0,
    CONSTRAINT regional_forum_slug_format CHECK (slug ~ '^[a-z][a-z0-9-]{1,62}$'),
    CONSTRAINT regional_forum_minimum_records CHECK (minimum_records BETWEEN 5 AND 1000),
    CONSTRAINT regional_forum_naming_known CHECK (naming IN ('NAMED', 'ANONYMISED'))
);
CALL app_platform_register('regional_forum');

-- The indicator sets a tenant shares with a forum; leaving deletes the row.
CREATE TABLE forum_membership (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    forum_id      uuid NOT NULL REFERENCES regional_forum (id),
    indicator_set text NOT NULL,
    joined_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, forum_id, indicator_set),
    CONSTRAINT forum_membership_set_known CHECK (indicator_set IN ('PLEDGES', 'ACTION_PLANS', 'PARTNERS'))
);
CREATE INDEX forum_membership_forum ON forum_membership (forum_id, indicator_set, tenant_id);
CALL app_isolate_by_tenant('forum_membership');

-- One tenant's indicators as of its last computation: for each indicator, period and breakdown,
-- how many records it is built from and the count (or sum) over them.
CREATE TABLE tenant_indicator (
    tenant_id     uuid NOT NULL REFERENCES tenant (id),
    indicator_set text NOT NULL,
    indicator     text NOT NULL,
    period        text NOT NULL,
    breakdown     text NOT NULL,
    records       integer NOT NULL,
    numerator     numeric NOT NULL,
    computed_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, indicator, period, breakdown),
    CONSTRAINT tenant_indicator_counts CHECK (records >= 0 AND numerator >= 0)
);
CREATE INDEX tenant_indicator_by_set ON tenant_indicator (tenant_id, indicator_set, period);
CALL app_isolate_by_tenant('tenant_indicator');

-- Tenants whose data changed since their indicators were computed.
CREATE TABLE indicator_refresh (
    tenant_id    uuid PRIMARY KEY REFERENCES tenant (id),
    requested_at timestamptz NOT NULL
);
CALL app_isolate_by_tenant('indicator_refresh');

-- The owner (and so the functions below, which run as the owner) may read these across tenants;
-- the runtime role stays under the tenant policy alone.
CREATE POLICY aggregate_reader ON forum_membership FOR SELECT USING (current_user <> '${runtimerole}');
CREATE POLICY aggregate_reader ON tenant_indicator FOR SELECT USING (current_user <> '${runtimerole}');
CREATE POLICY aggregate_reader ON indicator_refresh FOR SELECT USING (current_user <> '${runtimerole}');

-- A forum's indicators of one period (and those with no period, such as pledge coverage): each
-- member tenant's figures for the indicator sets it shares, and nothing of any other tenant.
CREATE FUNCTION forum_indicators(p_forum uuid, p_period text)
    RETURNS TABLE (tenant_id uuid, indicator_set text, indicator text, period text, breakdown text,
                   records integer, numerator numeric, computed_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    AS $$
        SELECT i.tenant_id, i.indicator_set, i.indicator, i.period, i.breakdown, i.records, i.numerator, i.computed_at
        FROM tenant_indicator i
        JOIN forum_membership m ON m.tenant_id = i.tenant_id AND m.indicator_set = i.indicator_set
        WHERE m.forum_id = p_forum AND i.period IN (p_period, 'current')
    $$;
REVOKE ALL ON FUNCTION forum_indicators(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION forum_indicators(uuid, text) TO ${runtimerole};

-- Which tenants a forum has, by indicator set: for naming them and counting them.
CREATE FUNCTION forum_members(p_forum uuid)
    RETURNS TABLE (tenant_id uuid, indicator_set text)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    AS $$ SELECT m.tenant_id, m.indicator_set FROM forum_membership m WHERE m.forum_id = p_forum $$;
REVOKE ALL ON FUNCTION forum_members(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION forum_members(uuid) TO ${runtimerole};

-- Tenants waiting for their indicators to be computed again (ids only).
CREATE FUNCTION indicator_refreshes_due()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    AS $$ SELECT r.tenant_id FROM indicator_refresh r ORDER BY r.requested_at $$;
REVOKE ALL ON FUNCTION indicator_refreshes_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION indicator_refreshes_due() TO ${runtimerole};
