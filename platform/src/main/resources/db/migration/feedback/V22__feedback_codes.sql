-- Closing the loop with the participants themselves: a short code a worker gives the children and
-- young people of an activity, with which anyone, without signing in, reads what was heard and what
-- was done and answers "Did you hear what happened because of what you said?".
--
-- A subject is what a code stands for: its kind (the GraphQL type, such as ParticipationActivity)
-- and its id. A new kind of subject is one more value in feedback_subject_kind_known.

-- One code per subject at a time. Only the code's SHA-256 is kept, so this table cannot be turned
-- back into codes; reissuing replaces the hash, which leaves the old code matching nothing.
CREATE TABLE feedback_code (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    subject_kind text NOT NULL,
    subject_id   uuid NOT NULL,
    code_hash    bytea NOT NULL,
    issued_on    date NOT NULL,
    expires_on   date NOT NULL,
    withdrawn_on date,
    version      bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, subject_kind, subject_id),
    CONSTRAINT feedback_subject_kind_known CHECK (subject_kind IN ('ParticipationActivity')),
    CONSTRAINT feedback_code_hash_length CHECK (length(code_hash) = 32),
    CONSTRAINT feedback_code_expires_after_issue CHECK (expires_on >= issued_on)
);
-- A code is looked up by its hash within the partnership whose address it was entered at.
CREATE UNIQUE INDEX feedback_code_by_hash ON feedback_code (tenant_id, code_hash);
CALL app_isolate_by_tenant('feedback_code');

-- The participants' answers: which subject, the answer, optional words, and the day. Nothing about
-- who answered: no name, no address, no time of day, no link to a device or a connection.
CREATE TABLE feedback_answer (
    tenant_id    uuid NOT NULL REFERENCES tenant (id),
    id           uuid NOT NULL,
    subject_kind text NOT NULL,
    subject_id   uuid NOT NULL,
    heard        text NOT NULL,
    words        text,
    answered_on  date NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT feedback_answer_subject_kind_known CHECK (subject_kind IN ('ParticipationActivity')),
    CONSTRAINT feedback_answer_heard_known CHECK (heard IN ('YES', 'NOT_YET', 'NO')),
    CONSTRAINT feedback_answer_words_short CHECK (words IS NULL OR length(words) <= 1000)
);
CREATE INDEX feedback_answer_of_subject ON feedback_answer (tenant_id, subject_kind, subject_id);
CALL app_isolate_by_tenant('feedback_answer');

-- Codes refused, per client address, for the rate limit: shared by every replica, so the limit holds
-- however many pods serve the pages. The address is kept only as its SHA-256 and only for as long
-- as the limit's window needs it (purge_feedback_code_refusals). A transaction sees and writes only
-- the refusals of the address it names with set_config('app.client', <hash as hex>, true).
CREATE TABLE feedback_code_refusal (
    address_hash bytea NOT NULL,
    refused_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT feedback_code_refusal_hash_length CHECK (length(address_hash) = 32)
);
CREATE INDEX feedback_code_refusal_by_address ON feedback_code_refusal (address_hash, refused_at);
CREATE INDEX feedback_code_refusal_by_age ON feedback_code_refusal (refused_at);

CREATE FUNCTION app_current_client() RETURNS bytea
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT decode(NULLIF(current_setting('app.client', true), ''), 'hex') $$;

ALTER TABLE feedback_code_refusal ENABLE ROW LEVEL SECURITY;
ALTER TABLE feedback_code_refusal FORCE ROW LEVEL SECURITY;
CREATE POLICY client_isolation ON feedback_code_refusal
    USING (address_hash = app_current_client()) WITH CHECK (address_hash = app_current_client());

-- Refusals older than the window are deleted through this, the one way to reach rows of addresses
-- a transaction does not name: it names the cut-off in its own transaction, which the second
-- policy reads (row-level security is forced on the owner too, so a definer alone would not do).
-- The runtime role could set that setting itself, so the policy is the owner's alone.
CREATE POLICY client_refusals_purge ON feedback_code_refusal
    USING (current_user <> '${runtimerole}'
           AND refused_at < NULLIF(current_setting('app.refusals_purge_before', true), '')::timestamptz);

CREATE FUNCTION purge_feedback_code_refusals(kept interval) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}
    AS $$
DECLARE
    purged integer;
BEGIN
    PERFORM set_config('app.refusals_purge_before', (now() - kept)::text, true);
    DELETE FROM feedback_code_refusal WHERE refused_at < now() - kept;
    GET DIAGNOSTICS purged = ROW_COUNT;
    PERFORM set_config('app.refusals_purge_before', '', true);
    RETURN purged;
END
$$;
REVOKE ALL ON FUNCTION purge_feedback_code_refusals(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_feedback_code_refusals(interval) TO ${runtimerole};
