-- A change marked its tenant for an indicator refresh by upserting the tenant's one row of
-- indicator_refresh, which locked that row until the change committed: a tenant's concurrent
-- writers queued on it, one commit at a time. Now each change appends a mark of its own, which
-- locks nothing another writer needs, and the audit trail's insert adds it in the same statement
-- (a trigger), so the change pays no statement for it either. A refresh clears the marks made
-- before it began; one not yet committed then is not seen by its DELETE and stays for the next.
ALTER TABLE indicator_refresh DROP CONSTRAINT indicator_refresh_pkey;
ALTER TABLE indicator_refresh ALTER COLUMN requested_at SET DEFAULT clock_timestamp();
CREATE INDEX indicator_refresh_by_tenant ON indicator_refresh (tenant_id, requested_at);

CREATE OR REPLACE FUNCTION indicator_refreshes_due()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
    AS $$ SELECT r.tenant_id FROM indicator_refresh r GROUP BY r.tenant_id ORDER BY min(r.requested_at) $$;

-- Runs as the caller (the runtime role), under the tenant policy, in the audited change's tenant.
CREATE FUNCTION indicator_refresh_mark()
    RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = ${flyway:defaultSchema}, pg_temp
    AS $$
BEGIN
    INSERT INTO indicator_refresh (tenant_id) VALUES (NEW.tenant_id);
    RETURN NULL;
END
$$;

-- What the indicators count: partners, people, plans, actions, pledges, participation activities,
-- and a self-assessment entering or leaving the count (submitted, agreed or returned; a draft's
-- ratings count for nothing).
CREATE TRIGGER audit_event_marks_indicator_refresh
    AFTER INSERT ON audit_event
    FOR EACH ROW
    WHEN (NEW.entity_type IN ('PartnerOrganisation', 'PartnerPerson', 'ActionPlan', 'Action',
                              'PledgeRegistration', 'ParticipationActivity')
          OR NEW.action IN ('SelfAssessment.submitted', 'SelfAssessment.agreed', 'SelfAssessment.returned'))
    EXECUTE FUNCTION indicator_refresh_mark();
