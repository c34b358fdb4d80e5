-- A tenant's configuration as versioned documents: standards frameworks, strategies, action-plan
-- templates, the charter, the pledge, the vocabularies. Each edition is one row whose content is
-- the typed document (validated by the application and by the kind's own record type); a
-- published edition is never updated again.
CREATE TABLE configuration_document (
    tenant_id               uuid NOT NULL REFERENCES tenant (id),
    id                      uuid NOT NULL,
    kind                    text NOT NULL,
    key                     text NOT NULL,
    edition                 integer NOT NULL,
    status                  text NOT NULL,
    partner_organisation_id uuid,
    based_on                text,
    period_start            integer,
    period_end              integer,
    content                 jsonb NOT NULL,
    published_at            timestamptz,
    version                 bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    CONSTRAINT configuration_document_kind_known CHECK (kind IN ('STANDARDS_FRAMEWORK', 'STRATEGY',
        'ACTION_PLAN_TEMPLATE', 'CHARTER', 'PLEDGE', 'VOCABULARIES')),
    CONSTRAINT configuration_document_status_known CHECK (status IN ('DRAFT', 'ENDORSED', 'PUBLISHED', 'SUPERSEDED')),
    CONSTRAINT configuration_document_edition_positive CHECK (edition >= 1),
    CONSTRAINT configuration_document_period_ordered CHECK (period_end IS NULL OR period_start <= period_end),
    CONSTRAINT configuration_document_published_when CHECK ((status IN ('PUBLISHED', 'SUPERSEDED')) = (published_at IS NOT NULL))
);
CREATE UNIQUE INDEX configuration_document_edition_key ON configuration_document (tenant_id, kind, key, edition);
-- At most one edition of a document is in force; at most one strategy per period.
CREATE UNIQUE INDEX configuration_document_one_published ON configuration_document (tenant_id, kind, key)
    WHERE status = 'PUBLISHED';
CREATE UNIQUE INDEX configuration_document_one_strategy_per_period ON configuration_document (tenant_id, period_start, period_end)
    WHERE status = 'PUBLISHED' AND kind = 'STRATEGY' AND partner_organisation_id IS NULL;
CREATE INDEX configuration_document_partner ON configuration_document (partner_organisation_id, tenant_id);
CALL app_isolate_by_tenant('configuration_document');

CREATE TABLE strategy_endorsement (
    tenant_id               uuid NOT NULL,
    document_id             uuid NOT NULL,
    partner_organisation_id uuid NOT NULL,
    endorsed_by             text NOT NULL,
    endorsed_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, document_id, partner_organisation_id),
    FOREIGN KEY (tenant_id, document_id) REFERENCES configuration_document (tenant_id, id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id)
);
CREATE INDEX strategy_endorsement_partner ON strategy_endorsement (partner_organisation_id, tenant_id);
CALL app_isolate_by_tenant('strategy_endorsement');

-- Each partner adopts the charter as it is, or personalises its own copy (a CHARTER document of
-- its own whose based_on names the charter it came from).
CREATE TABLE charter_adoption (
    tenant_id                uuid NOT NULL,
    partner_organisation_id  uuid NOT NULL,
    charter_id               uuid NOT NULL,
    personalised             boolean NOT NULL,
    adopted_by               text NOT NULL,
    adopted_at               timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (tenant_id, partner_organisation_id),
    FOREIGN KEY (tenant_id, partner_organisation_id) REFERENCES partner_organisation (tenant_id, id),
    FOREIGN KEY (tenant_id, charter_id) REFERENCES configuration_document (tenant_id, id)
);
CREATE INDEX charter_adoption_charter ON charter_adoption (charter_id, tenant_id);
CALL app_isolate_by_tenant('charter_adoption');
