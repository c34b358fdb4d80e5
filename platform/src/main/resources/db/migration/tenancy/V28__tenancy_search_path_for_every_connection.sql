-- Unqualified names resolve in the platform's schema on every connection to this database, from
-- the moment it opens. The datasource's `schema` is applied by HikariCP with a session-level SET
-- on each of its own connections; behind a pooler in transaction mode (PgBouncer) that SET reaches
-- only the one PostgreSQL connection it happened to run on, and transactions the pooler sent over
-- another failed with 'relation "tenant" does not exist'. The database's owner may set this.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET search_path = %I', current_database(), '${flyway:defaultSchema}');
END
$$;
