-- Signed-in browser sessions of the web pages. The cookie holds a random session id; only its
-- SHA-256 is kept, so this table cannot be turned back into cookies. A transaction sees and writes
-- only the session it names with set_config('app.session', <hash as hex>, true): as with tenants,
-- naming none shows none.
CREATE TABLE web_session (
    id_hash            bytea PRIMARY KEY,
    subject            text NOT NULL,
    display_name       text NOT NULL,
    csrf_token         text NOT NULL,
    access_token       text NOT NULL,
    access_expires_at  timestamptz NOT NULL,
    refresh_token      text,
    refresh_expires_at timestamptz,
    id_token           text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    last_seen_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT web_session_hash_length CHECK (length(id_hash) = 32)
);
CREATE INDEX web_session_last_seen ON web_session (last_seen_at);

CREATE FUNCTION app_current_session() RETURNS bytea
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT decode(NULLIF(current_setting('app.session', true), ''), 'hex') $$;

ALTER TABLE web_session ENABLE ROW LEVEL SECURITY;
ALTER TABLE web_session FORCE ROW LEVEL SECURITY;
CREATE POLICY session_isolation ON web_session
    USING (id_hash = app_current_session()) WITH CHECK (id_hash = app_current_session());

-- Sessions idle for longer than the timeout are deleted by the application through this, the one
-- way to reach rows of sessions it does not name.
CREATE FUNCTION purge_idle_web_sessions(idle interval) RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
    AS $$
        WITH purged AS (DELETE FROM web_session WHERE last_seen_at < now() - idle RETURNING 1)
        SELECT count(*)::integer FROM purged
    $$;
REVOKE ALL ON FUNCTION purge_idle_web_sessions(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_idle_web_sessions(interval) TO ${runtimerole};
