-- Email to people. Each person's choice per kind of event, by their work address (people of
-- agencies without accounts have no other identity here); a kind the partnership requires is sent
-- whatever the choice.
CREATE TABLE notification_preference (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    address    text NOT NULL,
    kind       text NOT NULL,
    choice     text NOT NULL,
    version    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT notification_preference_address_lower CHECK (address = lower(address)),
    CONSTRAINT notification_preference_choice_known CHECK (choice IN ('EACH', 'DAILY_DIGEST', 'OFF'))
);
CREATE UNIQUE INDEX notification_preference_of ON notification_preference (tenant_id, address, kind);
CALL app_isolate_by_tenant('notification_preference');

-- The kinds a partnership requires: one row per tenant, so the set has one version to lock on.
CREATE TABLE notification_requirement (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    kinds      text[] NOT NULL DEFAULT '{}',
    version    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX notification_requirement_one ON notification_requirement (tenant_id);
CALL app_isolate_by_tenant('notification_requirement');

-- One email to one address: about one event, or a day's digest. Rendered when queued, so a
-- retry sends the same text; the unique indexes make a message once per event (or day) and address.
CREATE TABLE email_message (
    tenant_id       uuid NOT NULL REFERENCES tenant (id),
    id              uuid NOT NULL,
    domain_event_id uuid,
    digest_day      date,
    address         text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    status          text NOT NULL DEFAULT 'PENDING',
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    -- While a sender holds the message: no other sender claims it before this passes.
    lease_until     timestamptz,
    sent_at         timestamptz,
    last_error      text,
    queued_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, domain_event_id) REFERENCES domain_event (tenant_id, id),
    CONSTRAINT email_message_event_or_digest CHECK ((domain_event_id IS NULL) <> (digest_day IS NULL)),
    CONSTRAINT email_message_status_known CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT email_message_error_short CHECK (length(last_error) <= 300)
);
CREATE UNIQUE INDEX email_message_once ON email_message (tenant_id, domain_event_id, address)
    WHERE domain_event_id IS NOT NULL;
CREATE UNIQUE INDEX email_message_digest_once ON email_message (tenant_id, digest_day, address)
    WHERE digest_day IS NOT NULL;
CREATE INDEX email_message_due ON email_message (tenant_id, next_attempt_at) WHERE status = 'PENDING';
CALL app_isolate_by_tenant('email_message');
REVOKE DELETE, TRUNCATE ON email_message FROM ${runtimerole};

-- An event kept for a person's daily digest: its line is rendered when queued, and the digest of
-- its London day gathers it once the day is over.
CREATE TABLE email_digest_item (
    tenant_id        uuid NOT NULL REFERENCES tenant (id),
    id               uuid NOT NULL,
    domain_event_id  uuid NOT NULL,
    address          text NOT NULL,
    name             text NOT NULL,
    day              date NOT NULL,
    line             text NOT NULL,
    email_message_id uuid,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, domain_event_id) REFERENCES domain_event (tenant_id, id),
    FOREIGN KEY (tenant_id, email_message_id) REFERENCES email_message (tenant_id, id)
);
CREATE UNIQUE INDEX email_digest_item_once ON email_digest_item (tenant_id, domain_event_id, address);
CREATE INDEX email_digest_item_waiting ON email_digest_item (tenant_id, day) WHERE email_message_id IS NULL;
CALL app_isolate_by_tenant('email_digest_item');
REVOKE DELETE, TRUNCATE ON email_digest_item FROM ${runtimerole};
