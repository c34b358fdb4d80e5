-- Webhook endpoints of partner systems, and one delivery per endpoint and event. The fan-out
-- worker reads the outbox (domain_event) and writes deliveries; the sender claims due deliveries
-- with a lease, posts them outside any transaction and records the result.
CREATE TABLE webhook_endpoint (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    url                     text NOT NULL,
    description             text,
    -- EventKind.type() names ('action_plan.returned'), as the deliveries' bodies carry them.
    event_kinds             text[] NOT NULL,
    -- The agency whose endpoint this is (it gets that agency's events and those below it); null
    -- for the partnership's own endpoint, which gets every event of the tenant.
    partner_organisation_id uuid,
    -- Who is emailed when the endpoint is paused.
    contact_email           text NOT NULL,
    -- The signing secret, AES-GCM encrypted under the platform's key (TRUST_WEBHOOKS_SECRET_KEY),
    -- so that a dump of the database alone cannot sign a delivery: nonce || ciphertext || tag.
    secret_ciphertext       bytea NOT NULL,
    status                  text NOT NULL DEFAULT 'ACTIVE',
    paused_reason           text,
    consecutive_failures    integer NOT NULL DEFAULT 0,
    created_at              timestamptz NOT NULL DEFAULT clock_timestamp(),
    created_by              text NOT NULL,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT webhook_endpoint_status_known CHECK (status IN ('ACTIVE', 'PAUSED')),
    CONSTRAINT webhook_endpoint_paused_why CHECK ((status = 'PAUSED') = (paused_reason IS NOT NULL)),
    CONSTRAINT webhook_endpoint_kinds_present CHECK (cardinality(event_kinds) > 0),
    CONSTRAINT webhook_endpoint_url_length CHECK (length(url) <= 2000)
);
CREATE INDEX webhook_endpoint_by_created ON webhook_endpoint (tenant_id, created_at DESC, id);
CREATE INDEX webhook_endpoint_of_organisation ON webhook_endpoint (tenant_id, partner_organisation_id);
CALL app_isolate_by_tenant('webhook_endpoint');

CREATE TABLE webhook_delivery (
    tenant_id          uuid NOT NULL REFERENCES tenant (id),
    id                 uuid NOT NULL,
    endpoint_id        uuid NOT NULL,
    event_id           uuid NOT NULL,
    status             text NOT NULL DEFAULT 'PENDING',
    attempts           integer NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- While a sender holds the delivery (posting it), no other sender claims it.
    lease_until        timestamptz,
    last_attempt_at    timestamptz,
    last_response_code integer,
    last_error         text,
    delivered_at       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoint (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, event_id) REFERENCES domain_event (tenant_id, id),
    -- One delivery per endpoint and event, however often the fan-out meets the event.
    CONSTRAINT webhook_delivery_once UNIQUE (tenant_id, endpoint_id, event_id),
    CONSTRAINT webhook_delivery_status_known CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    CONSTRAINT webhook_delivery_error_short CHECK (length(last_error) <= 300)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (tenant_id, next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (tenant_id, endpoint_id, created_at DESC, id);
CALL app_isolate_by_tenant('webhook_delivery');
