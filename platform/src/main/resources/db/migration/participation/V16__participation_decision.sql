-- Which stage of a decision an activity informs, and when that decision is due. The stages are
-- Medway's commissioning cycle (understand, plan, do, review); Kent asks that involvement
-- "happens at the earliest possible stage of planning", so the stage is recorded to be seen.
ALTER TABLE participation_activity
    ADD COLUMN decision_stage  text,
    ADD COLUMN decision_due_on date,
    ADD CONSTRAINT participation_decision_stage_known
        CHECK (decision_stage IN ('UNDERSTAND', 'PLAN', 'DO', 'REVIEW')),
    -- A decision due before the activity starts could not be informed by it.
    ADD CONSTRAINT participation_decision_due_after_start
        CHECK (decision_due_on IS NULL OR decision_due_on >= starts_on);
