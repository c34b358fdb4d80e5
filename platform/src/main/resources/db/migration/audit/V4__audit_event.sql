-- Who changed what, when, in which tenant, before and after. Append-only for the application.
CREATE TABLE audit_event (
    tenant_id      uuid NOT NULL REFERENCES tenant (id),
    id             uuid NOT NULL,
    occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text NOT NULL,
    actor_roles    text NOT NULL,
    action         text NOT NULL,
    entity_type    text NOT NULL,
    entity_id      uuid,
    before         jsonb,
    after          jsonb,
    correlation_id text,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_entity ON audit_event (entity_id, tenant_id);
CREATE INDEX audit_event_recent ON audit_event (tenant_id, occurred_at);
CALL app_isolate_by_tenant('audit_event');
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM ${runtimerole};
