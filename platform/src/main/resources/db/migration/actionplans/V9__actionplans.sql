-- Each partner's action plan for a period, made from one published template edition. The
-- template's framework and each section's standard are copied onto the plan and its actions
-- (the edition never changes), so progress by standard is counted from these tables alone.
CREATE TABLE action_plan (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    template_id             uuid NOT NULL,
    framework               text,
    period_start            integer NOT NULL,
    period_end              integer NOT NULL,
    status                  text NOT NULL,
    returned_reason         text,
    submitted_at            timestamptz,
    decided_at              timestamptz,
    carried_forward_from    uuid,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, template_id) REFERENCES configuration_document (tenant_id, id),
    FOREIGN KEY (tenant_id, carried_forward_from) REFERENCES action_plan (tenant_id, id),
    CONSTRAINT action_plan_status_known CHECK (status IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
    CONSTRAINT action_plan_period_ordered CHECK (period_start <= period_end),
    CONSTRAINT action_plan_returned_with_reason CHECK ((status = 'RETURNED') = (returned_reason IS NOT NULL))
);
-- One plan per partner and period; an earlier plan is carried forward once.
CREATE UNIQUE INDEX action_plan_per_period ON action_plan (tenant_id, partner_organisation_id, period_start, period_end);
CREATE UNIQUE INDEX action_plan_carried_once ON action_plan (tenant_id, carried_forward_from);
CREATE INDEX action_plan_by_period ON action_plan (tenant_id, period_start DESC, period_end, id);
CALL app_isolate_by_tenant('action_plan');

CREATE TABLE plan_action (
    tenant_id            uuid NOT NULL,
    id                   uuid NOT NULL,
    action_plan_id       uuid NOT NULL,
    section_number       text,
    outcome_number       text,
    standard             text,
    description          text NOT NULL,
    lead                 text,
    due_date             date,
    timescale            text,
    resources            text,
    risks                text,
    status               text NOT NULL,
    rag                  text,
    column_values        jsonb NOT NULL DEFAULT '{}',
    carried_forward_from uuid,
    created_at           timestamptz NOT NULL DEFAULT clock_timestamp(),
    version              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, action_plan_id) REFERENCES action_plan (tenant_id, id),
    FOREIGN KEY (tenant_id, carried_forward_from) REFERENCES plan_action (tenant_id, id)
        ON DELETE SET NULL (carried_forward_from),
    CONSTRAINT plan_action_description_present CHECK (length(btrim(description)) BETWEEN 1 AND 4000),
    CONSTRAINT plan_action_status_known CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETE')),
    CONSTRAINT plan_action_rag_known CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
    CONSTRAINT plan_action_placed_whole CHECK ((section_number IS NULL) = (outcome_number IS NULL))
);
CREATE INDEX plan_action_of_plan ON plan_action (tenant_id, action_plan_id, created_at);
CREATE INDEX plan_action_overdue ON plan_action (tenant_id, due_date, id) WHERE status <> 'COMPLETE';
CALL app_isolate_by_tenant('plan_action');

CREATE TABLE action_progress_update (
    tenant_id      uuid NOT NULL,
    id             uuid NOT NULL,
    action_id      uuid NOT NULL,
    update_date    date NOT NULL,
    note           text NOT NULL,
    evidence_links text[] NOT NULL DEFAULT '{}',
    recorded_by    text NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, action_id) REFERENCES plan_action (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT action_progress_update_note_present CHECK (length(btrim(note)) BETWEEN 1 AND 4000)
);
CREATE INDEX action_progress_update_of_action ON action_progress_update (tenant_id, action_id, update_date DESC);
CALL app_isolate_by_tenant('action_progress_update');

CREATE TABLE action_plan_audit (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    action_plan_id    uuid NOT NULL,
    audited_on        date NOT NULL,
    audited_by        text NOT NULL,
    findings          text NOT NULL,
    kite_mark_awarded boolean NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, action_plan_id) REFERENCES action_plan (tenant_id, id)
);
CREATE INDEX action_plan_audit_of_plan ON action_plan_audit (tenant_id, action_plan_id, audited_on DESC);
CALL app_isolate_by_tenant('action_plan_audit');
