-- The partnership's quiet periods: times of year it keeps clear of consultation, so that (in
-- Medway's words) "the timing of consultation enables young people to continue to focus on their
-- education at key points in the year". The list belongs to the partnership settings and changes
-- with their version, so a settings row exists before any period of it does.
CREATE TABLE partnership_quiet_period (
    tenant_id  uuid NOT NULL REFERENCES partnership_settings (tenant_id),
    name       text NOT NULL,
    first_day  date NOT NULL,
    last_day   date NOT NULL,
    -- The same period twice is refused; periods may overlap (exams and a half term within them).
    PRIMARY KEY (tenant_id, first_day, last_day, name),
    CONSTRAINT quiet_period_named CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT quiet_period_days_ordered CHECK (first_day <= last_day)
);
CALL app_isolate_by_tenant('partnership_quiet_period');
