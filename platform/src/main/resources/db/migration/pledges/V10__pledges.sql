-- The pledge register: each partner's pledge from invitation to registration (badge issued),
-- renewal, lapse or withdrawal. A partner has at most one pledge that is still open; a lapsed or
-- withdrawn one stays as history and the partner may be invited again.
CREATE TABLE pledge_registration (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    pledge_id               uuid NOT NULL,
    status                  text NOT NULL,
    invited_at              timestamptz NOT NULL,
    signatory               text,
    post_held               text,
    on_behalf_of            text,
    signed_on               date,
    registered_on           date,
    renewal_due_on          date,
    badge_code              text,
    ended_on                date,
    withdrawn_reason        text,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, pledge_id) REFERENCES configuration_document (tenant_id, id),
    CONSTRAINT pledge_registration_status_known
        CHECK (status IN ('INVITED', 'SIGNED', 'REGISTERED', 'RENEWAL_DUE', 'LAPSED', 'WITHDRAWN')),
    CONSTRAINT pledge_registration_signed_whole
        CHECK ((signed_on IS NULL) = (signatory IS NULL) AND (signed_on IS NULL) = (post_held IS NULL)),
    CONSTRAINT pledge_registration_registered_with_badge
        CHECK ((registered_on IS NULL) = (badge_code IS NULL) AND (registered_on IS NULL) = (renewal_due_on IS NULL)),
    CONSTRAINT pledge_registration_signed_before_registered CHECK (status NOT IN ('SIGNED', 'REGISTERED', 'RENEWAL_DUE') OR signed_on IS NOT NULL),
    CONSTRAINT pledge_registration_badge_when_registered CHECK (status NOT IN ('REGISTERED', 'RENEWAL_DUE', 'LAPSED') OR badge_code IS NOT NULL)
);
CREATE UNIQUE INDEX pledge_registration_one_open ON pledge_registration (tenant_id, partner_organisation_id)
    WHERE status NOT IN ('LAPSED', 'WITHDRAWN');
CREATE UNIQUE INDEX pledge_registration_badge ON pledge_registration (tenant_id, badge_code);
CREATE INDEX pledge_registration_renewals ON pledge_registration (tenant_id, renewal_due_on)
    WHERE status IN ('REGISTERED', 'RENEWAL_DUE');
CREATE INDEX pledge_registration_partner ON pledge_registration (tenant_id, partner_organisation_id, invited_at DESC);
CALL app_isolate_by_tenant('pledge_registration');

-- Section 11 self-audits of statutory partners against the pledge's framework: one per partner
-- and round, one entry per criterion (with the criterion's wording as it was rated against),
-- moderated by the board, carried into the next round.
CREATE TABLE section11_audit (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    round                   integer NOT NULL,
    framework               text NOT NULL,
    status                  text NOT NULL,
    moderation_comment      text,
    carried_forward_from    uuid,
    submitted_at            timestamptz,
    moderated_at            timestamptz,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, carried_forward_from) REFERENCES section11_audit (tenant_id, id),
    CONSTRAINT section11_audit_status_known CHECK (status IN ('DRAFT', 'SUBMITTED', 'MODERATED', 'RETURNED'))
);
CREATE UNIQUE INDEX section11_audit_per_round ON section11_audit (tenant_id, partner_organisation_id, round);
CALL app_isolate_by_tenant('section11_audit');

CREATE TABLE section11_entry (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    audit_id          uuid NOT NULL,
    position          integer NOT NULL,
    standard          text NOT NULL,
    criterion         text NOT NULL,
    criterion_text    text,
    rag               text,
    narrative         text,
    evidence          text,
    moderated_rag     text,
    moderator_comment text,
    version           bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, audit_id) REFERENCES section11_audit (tenant_id, id),
    CONSTRAINT section11_entry_rag_known CHECK (rag IN ('RED', 'AMBER', 'GREEN')),
    CONSTRAINT section11_entry_moderated_rag_known CHECK (moderated_rag IN ('RED', 'AMBER', 'GREEN'))
);
CREATE UNIQUE INDEX section11_entry_criterion ON section11_entry (tenant_id, audit_id, criterion);
CALL app_isolate_by_tenant('section11_entry');
