-- A partnership may rate self-assessments on a scale of its own (its vocabularies' ratingScales)
-- beside the platform's HEAR_BY_RIGHT and RAG. Its vocabularies change by edition, so an
-- assessment on its own scale keeps a copy of the scale as it was when the assessment started: a
-- later edition that renames, reorders or drops a level leaves the assessments already rated as
-- they were. The platform's two scales never change, so their assessments keep no copy (and the
-- rows written before this need none).
ALTER TABLE self_assessment
    DROP CONSTRAINT self_assessment_scale_known,
    ADD COLUMN scale_name   text,
    ADD COLUMN scale_levels jsonb,
    ADD CONSTRAINT self_assessment_scale_known CHECK (
        (scale IN ('HEAR_BY_RIGHT', 'RAG') AND scale_name IS NULL AND scale_levels IS NULL)
        OR (scale ~ '^[a-z][a-z0-9-]{0,39}$' AND length(btrim(scale_name)) > 0
            AND jsonb_typeof(scale_levels) = 'array' AND jsonb_array_length(scale_levels) >= 2));

-- A level is now one of the assessment's own scale, which only the application reads; the
-- database keeps it to the shape of a level code (the platform's upper-case, the partnership's lower-case).
ALTER TABLE self_assessment_rating
    DROP CONSTRAINT self_assessment_rating_level_known,
    ADD CONSTRAINT self_assessment_rating_level_known CHECK (level ~ '^([A-Z]+|[a-z][a-z0-9-]{0,39})$');
