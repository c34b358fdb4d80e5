-- A tenant's partner agencies and the services below them. Tenant-owned: tenant_id leads every
-- key, the parent must be in the same tenant, and row-level security binds every row.
CREATE TABLE partner_organisation (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    name                    text NOT NULL,
    organisation_identifier text,
    parent_id               uuid,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT partner_organisation_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT partner_organisation_identifier_format
        CHECK (organisation_identifier ~ '^[A-Z]{2}-[A-Z0-9]{2,6}-[A-Za-z0-9][A-Za-z0-9._-]{0,49}$'),
    CONSTRAINT partner_organisation_not_own_parent CHECK (parent_id <> id)
);
CREATE INDEX partner_organisation_by_name ON partner_organisation (tenant_id, name, id);
CREATE INDEX partner_organisation_parent ON partner_organisation (parent_id, tenant_id);
CALL app_isolate_by_tenant('partner_organisation');
