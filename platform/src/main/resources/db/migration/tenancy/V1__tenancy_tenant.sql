-- Runs as the owner role. The runtime role (${runtimerole}) may use what the owner creates in
-- this schema but owns none of it.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${runtimerole};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtimerole};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema}
    GRANT USAGE, SELECT ON SEQUENCES TO ${runtimerole};

CREATE TABLE tenant (
    id         uuid PRIMARY KEY,
    slug       text NOT NULL,
    name       text NOT NULL,
    kind       text NOT NULL,
    region     text NOT NULL,
    status     text NOT NULL DEFAULT 'ONBOARDING',
    version    bigint NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenant_slug_format CHECK (slug ~ '^[a-z][a-z0-9-]{1,39}$'),
    CONSTRAINT tenant_name_present CHECK (length(btrim(name)) > 0),
    CONSTRAINT tenant_kind_known CHECK (kind IN ('CHILDRENS_TRUST', 'STRATEGIC_PARTNERSHIP', 'SAFEGUARDING_PARTNERSHIP')),
    CONSTRAINT tenant_region_known CHECK (region IN ('NORTH_EAST', 'NORTH_WEST', 'YORKSHIRE_AND_THE_HUMBER',
        'EAST_MIDLANDS', 'WEST_MIDLANDS', 'EAST_OF_ENGLAND', 'LONDON', 'SOUTH_EAST', 'SOUTH_WEST')),
    CONSTRAINT tenant_status_known CHECK (status IN ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED'))
);
CREATE UNIQUE INDEX tenant_slug_key ON tenant (slug);

-- The councils a tenant covers, by ONS GSS code (E06000035 …), with the dates the code applied.
CREATE TABLE tenant_council (
    tenant_id            uuid NOT NULL REFERENCES tenant (id),
    id                   uuid NOT NULL,
    gss_code             text NOT NULL,
    name                 text NOT NULL,
    valid_from           date,
    valid_to             date,
    predecessor_gss_code text,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT tenant_council_gss_format CHECK (gss_code ~ '^[EWSN][0-9]{8}$'),
    CONSTRAINT tenant_council_predecessor_format CHECK (predecessor_gss_code ~ '^[EWSN][0-9]{8}$'),
    CONSTRAINT tenant_council_dates_ordered CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from)
);
CREATE UNIQUE INDEX tenant_council_gss_key ON tenant_council (tenant_id, gss_code);
