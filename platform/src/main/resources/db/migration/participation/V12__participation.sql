-- The participation register: every consultation or engagement activity a partner runs with
-- children, young people and families (Medway's "participation and engagement feedback form",
-- which "must be completed by anyone wishing to consult/engage"), and its feedback loop:
-- what they said, what was done, and when and how they were told.
CREATE TABLE participation_activity (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    title                   text NOT NULL,
    purpose                 text NOT NULL,
    decision_informed       text,
    starts_on               date NOT NULL,
    ends_on                 date NOT NULL,
    -- Labels of the tenant's age bands and codes of its audience groups and participation methods
    -- (its published vocabularies); checked when saved, kept as given.
    age_bands               text[] NOT NULL DEFAULT '{}',
    audience_groups         text[] NOT NULL DEFAULT '{}',
    methods                 text[] NOT NULL DEFAULT '{}',
    participants            integer,
    ladder_rung             integer,
    hear_by_right_stage     text,
    feedback_due_on         date,
    you_said                text,
    we_did                  text,
    feedback_given_on       date,
    feedback_method         text,
    recorded_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT participation_dates_ordered CHECK (starts_on <= ends_on),
    CONSTRAINT participation_feedback_due_after_end CHECK (feedback_due_on IS NULL OR feedback_due_on >= ends_on),
    CONSTRAINT participation_participants_counted CHECK (participants IS NULL OR participants >= 0),
    CONSTRAINT participation_ladder_rung CHECK (ladder_rung IS NULL OR ladder_rung BETWEEN 1 AND 8),
    CONSTRAINT participation_stage_known CHECK (hear_by_right_stage IN ('EMERGING', 'ESTABLISHED', 'ADVANCED')),
    CONSTRAINT participation_audience_named CHECK (cardinality(age_bands) + cardinality(audience_groups) > 0),
    -- Feedback is whole or absent: what they said, what was done, when they were told.
    CONSTRAINT participation_feedback_whole CHECK (
        (you_said IS NULL) = (we_did IS NULL) AND (you_said IS NULL) = (feedback_given_on IS NULL))
);
-- The register newest first, and the calendar by date.
CREATE INDEX participation_by_start ON participation_activity (tenant_id, starts_on DESC, id);
CREATE INDEX participation_of_partner ON participation_activity (tenant_id, partner_organisation_id, starts_on DESC);
CALL app_isolate_by_tenant('participation_activity');
