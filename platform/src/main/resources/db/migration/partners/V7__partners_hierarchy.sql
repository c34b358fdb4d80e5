-- The partner hierarchy in full: each organisation's category (a code of the tenant's own
-- vocabulary), sector and statutory status; the people in partnership roles (staff contact
-- details only); governance bodies and who sits on them. Every table is tenant-owned.
ALTER TABLE partner_organisation
    ADD COLUMN category text,
    ADD COLUMN sector text,
    ADD COLUMN statutory boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT partner_organisation_category_code CHECK (category ~ '^[a-z][a-z0-9-]{0,39}$'),
    ADD CONSTRAINT partner_organisation_sector_known
        CHECK (sector IN ('PUBLIC', 'VOLUNTARY_AND_COMMUNITY', 'PRIVATE', 'INDEPENDENT'));
CREATE INDEX partner_organisation_top_level ON partner_organisation (tenant_id, name, id) WHERE parent_id IS NULL;

CREATE TABLE partner_person (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    name                    text NOT NULL,
    job_title               text,
    email                   text,
    telephone               text,
    roles                   text[] NOT NULL DEFAULT '{}',
    invited_at              timestamptz,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT partner_person_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT partner_person_email_shape CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
    CONSTRAINT partner_person_roles_known CHECK (roles <@ ARRAY['STRATEGIC_LEAD', 'PARTICIPATION_CHAMPION',
        'DESIGNATED_OFFICER', 'LEAD_MEMBER']::text[])
);
CREATE INDEX partner_person_organisation ON partner_person (tenant_id, partner_organisation_id, name);
CALL app_isolate_by_tenant('partner_person');

CREATE TABLE governance_body (
    tenant_id  uuid NOT NULL REFERENCES tenant (id),
    id         uuid NOT NULL,
    name       text NOT NULL,
    body_type  text NOT NULL,
    parent_id  uuid,
    version    bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES governance_body (tenant_id, id),
    CONSTRAINT governance_body_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT governance_body_type_code CHECK (body_type ~ '^[a-z][a-z0-9-]{0,39}$'),
    CONSTRAINT governance_body_not_own_parent CHECK (parent_id <> id)
);
CREATE UNIQUE INDEX governance_body_name ON governance_body (tenant_id, lower(name));
CREATE INDEX governance_body_by_name ON governance_body (tenant_id, name, id);
CALL app_isolate_by_tenant('governance_body');

CREATE TABLE governance_membership (
    tenant_id               uuid NOT NULL,
    id                      uuid NOT NULL,
    governance_body_id      uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    partner_person_id       uuid,
    member_role             text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, governance_body_id) REFERENCES governance_body (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_person_id) REFERENCES partner_person (tenant_id, id) ON DELETE CASCADE,
    CONSTRAINT governance_membership_role_length CHECK (length(member_role) <= 100)
);
CREATE UNIQUE INDEX governance_membership_once ON governance_membership
    (tenant_id, governance_body_id, partner_organisation_id, coalesce(partner_person_id, '00000000-0000-0000-0000-000000000000'));
CREATE INDEX governance_membership_organisation ON governance_membership (tenant_id, partner_organisation_id);
CALL app_isolate_by_tenant('governance_membership');
