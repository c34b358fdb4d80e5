-- Youth forums' recommendations: what a participation structure of the strategy (Cambridgeshire's
-- Youth Assembly agrees "recommendations to go forward to the CYPSP"; Medway Youth Parliament;
-- the Children in Care Councils) asks of the board or of one partner, and the reply: "you said,
-- we did", when, and whether it was accepted, partly accepted or not accepted and why.
CREATE TABLE youth_forum_recommendation (
    tenant_id                   uuid NOT NULL REFERENCES tenant (id),
    id                          uuid NOT NULL,
    -- The name of one of the participation structures of the tenant's published strategies,
    -- checked when saved: structures have no code of their own, and their name is what the
    -- strategy and the public page call them.
    forum                       text NOT NULL,
    made_on                     date NOT NULL,
    recommendation              text NOT NULL,
    -- The partner it is addressed to; null when it is addressed to the board.
    addressed_to_id             uuid,
    -- The agency whose participation worker recorded it (its lead reads it); null for a tenant admin.
    recorded_by_id              uuid,
    reply                       text,
    replied_on                  date,
    outcome                     text,
    outcome_reason              text,
    recorded_at                 timestamptz NOT NULL DEFAULT clock_timestamp(),
    version                     bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, addressed_to_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, recorded_by_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT recommendation_outcome_known CHECK (outcome IN ('ACCEPTED', 'PARTLY_ACCEPTED', 'NOT_ACCEPTED')),
    -- The reply is whole or absent: what was done, when, and the outcome.
    CONSTRAINT recommendation_reply_whole CHECK (
        (reply IS NULL) = (replied_on IS NULL) AND (reply IS NULL) = (outcome IS NULL)),
    -- Why, unless it was accepted as it stood.
    CONSTRAINT recommendation_reason_unless_accepted CHECK (
        outcome IS NULL OR outcome = 'ACCEPTED' OR outcome_reason IS NOT NULL),
    CONSTRAINT recommendation_reply_after_made CHECK (replied_on IS NULL OR replied_on >= made_on)
);
-- The list newest first; open ones (the overdue ones among them) by the day they were made.
CREATE INDEX recommendation_by_made ON youth_forum_recommendation (tenant_id, made_on DESC, id);
CREATE INDEX recommendation_open ON youth_forum_recommendation (tenant_id, made_on) WHERE replied_on IS NULL;
CALL app_isolate_by_tenant('youth_forum_recommendation');

-- How long a forum waits for its reply before the recommendation is overdue: a partnership
-- setting. No seed gives a number (Kent: "within agreed timescales"); 90 days is the default
-- because Cambridgeshire's Youth Assembly meets three times a year, so a reply within 90 days
-- reaches the forum by its next meeting.
ALTER TABLE partnership_settings
    ADD COLUMN recommendation_reply_days integer NOT NULL DEFAULT 90,
    ADD CONSTRAINT partnership_settings_reply_range CHECK (recommendation_reply_days BETWEEN 1 AND 365);
