-- The transactional outbox: one row per domain event, written in the same transaction as the
-- change that causes it, so an event exists exactly when its change committed. Email and webhook
-- workers fan each event out later (emails_queued_at, webhooks_queued_at), so the change itself
-- pays one INSERT and nothing more.
CREATE TABLE domain_event (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    position                bigint GENERATED ALWAYS AS IDENTITY,
    kind                    text NOT NULL,
    occurred_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    subject_type            text NOT NULL,
    subject_id              uuid NOT NULL,
    partner_organisation_id uuid,
    summary                 jsonb NOT NULL DEFAULT '{}',
    -- Events a scheduled job finds (an action overdue) carry a key, so a job run twice, or in two
    -- pods at once, adds the event once.
    once_key                text,
    emails_queued_at        timestamptz,
    webhooks_queued_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT domain_event_kind_shape CHECK (kind ~ '^[a-z0-9_]+\.[a-z0-9_]+$')
);
CREATE UNIQUE INDEX domain_event_once ON domain_event (tenant_id, once_key) WHERE once_key IS NOT NULL;
CREATE INDEX domain_event_emails_to_queue ON domain_event (tenant_id, position) WHERE emails_queued_at IS NULL;
CREATE INDEX domain_event_webhooks_to_queue ON domain_event (tenant_id, position) WHERE webhooks_queued_at IS NULL;
CALL app_isolate_by_tenant('domain_event');
REVOKE DELETE, TRUNCATE ON domain_event FROM ${runtimerole};
