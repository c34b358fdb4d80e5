-- Partners' self-assessments against one of the tenant's standards frameworks (Medway: "All
-- services to complete and return self-assessment form"; Hear by Right: emerging, established,
-- advanced): one per partner, year and framework, one rating per standard (or per criterion where
-- the standard has them), reviewed by the board, carried into the next year.
CREATE TABLE self_assessment (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    year                    integer NOT NULL,
    framework               text NOT NULL,
    scale                   text NOT NULL,
    status                  text NOT NULL,
    review_comment          text,
    carried_forward_from    uuid,
    submitted_at            timestamptz,
    reviewed_at             timestamptz,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, carried_forward_from) REFERENCES self_assessment (tenant_id, id),
    CONSTRAINT self_assessment_scale_known CHECK (scale IN ('HEAR_BY_RIGHT', 'RAG')),
    CONSTRAINT self_assessment_status_known CHECK (status IN ('DRAFT', 'SUBMITTED', 'AGREED', 'RETURNED')),
    CONSTRAINT self_assessment_returned_says_why CHECK (status <> 'RETURNED' OR length(btrim(review_comment)) > 0)
);
CREATE UNIQUE INDEX self_assessment_per_year ON self_assessment (tenant_id, partner_organisation_id, year, framework);
CREATE INDEX self_assessment_of_year ON self_assessment (tenant_id, year, framework);
CALL app_isolate_by_tenant('self_assessment');

-- The level is checked against the assessment's scale by the application; the database keeps
-- it to the levels of the scales it knows.
CREATE TABLE self_assessment_rating (
    tenant_id            uuid NOT NULL,
    id                   uuid NOT NULL,
    assessment_id        uuid NOT NULL,
    position             integer NOT NULL,
    standard             text NOT NULL,
    criterion            text NOT NULL,
    title                text,
    level                text,
    evidence             text,
    what_young_people_say text,
    version              bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, assessment_id) REFERENCES self_assessment (tenant_id, id),
    CONSTRAINT self_assessment_rating_level_known
        CHECK (level IN ('EMERGING', 'ESTABLISHED', 'ADVANCED', 'RED', 'AMBER', 'GREEN'))
);
CREATE UNIQUE INDEX self_assessment_rating_item ON self_assessment_rating (tenant_id, assessment_id, standard, criterion);
CALL app_isolate_by_tenant('self_assessment_rating');

-- Which rated standard an action of a partner's plan answers: kept beside plan_action rather
-- than in it, so the action-plan feature's table is unchanged. Removing the action removes the link.
CREATE TABLE self_assessment_gap_action (
    tenant_id uuid NOT NULL,
    action_id uuid NOT NULL,
    rating_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, action_id),
    FOREIGN KEY (tenant_id, action_id) REFERENCES plan_action (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, rating_id) REFERENCES self_assessment_rating (tenant_id, id)
);
CREATE INDEX self_assessment_gap_action_of_rating ON self_assessment_gap_action (tenant_id, rating_id);
CALL app_isolate_by_tenant('self_assessment_gap_action');
