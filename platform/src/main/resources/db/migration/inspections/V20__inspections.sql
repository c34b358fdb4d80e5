-- Inspections of a service by young inspectors (Medway's Young Inspectors "plan, inspect and
-- report on their experiences and findings. They make recommendations on how the service can
-- improve"), and the kite mark an audit by young people may award (Cambridgeshire). The young
-- inspectors appear by first or chosen name and age band only: no surname, contact details or
-- date of birth has a column here.
CREATE TABLE inspection (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    -- One of the organisation's services as the inspectors knew it, when not the whole organisation.
    service_name            text,
    inspected_on            date NOT NULL,
    status                  text NOT NULL DEFAULT 'DRAFT',
    -- JSON arrays, kept and checked as a whole with the inspection (one version for all of it):
    -- inspectors [{name, ageBand}], answers [{question, questionText, answer}] and recommendations
    -- [{number, text, response, respondedOn}].
    inspectors              jsonb NOT NULL DEFAULT '[]',
    answers                 jsonb NOT NULL DEFAULT '[]',
    findings                text,
    recommendations         jsonb NOT NULL DEFAULT '[]',
    kite_mark_awarded       boolean,
    reported_on             date,
    recorded_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT inspection_status_known CHECK (status IN ('DRAFT', 'REPORTED')),
    CONSTRAINT inspection_lists_are_arrays CHECK (
        jsonb_typeof(inspectors) = 'array' AND jsonb_typeof(answers) = 'array'
        AND jsonb_typeof(recommendations) = 'array'),
    -- A report is final: its date, its findings and its kite mark decision come together.
    CONSTRAINT inspection_report_whole CHECK (
        (status = 'REPORTED') = (reported_on IS NOT NULL)
        AND (status = 'REPORTED') = (kite_mark_awarded IS NOT NULL)
        AND (status = 'DRAFT' OR findings IS NOT NULL)),
    CONSTRAINT inspection_reported_after_visit CHECK (reported_on IS NULL OR reported_on >= inspected_on)
);
-- The list newest first, a partner's own, and the public kite marks.
CREATE INDEX inspection_by_date ON inspection (tenant_id, inspected_on DESC, id);
CREATE INDEX inspection_of_partner ON inspection (tenant_id, partner_organisation_id, inspected_on DESC);
CREATE INDEX inspection_kite_marks ON inspection (tenant_id, reported_on DESC) WHERE kite_mark_awarded;
CALL app_isolate_by_tenant('inspection');
