-- Numbers each tenant decides for its partnership. One row per tenant at most; a tenant without
-- a row has the defaults below.
CREATE TABLE partnership_settings (
    tenant_id                        uuid NOT NULL PRIMARY KEY REFERENCES tenant (id),
    minimum_participation_champions  integer NOT NULL DEFAULT 1,
    renewal_notice_days              integer NOT NULL DEFAULT 60,
    version                          bigint NOT NULL DEFAULT 0,
    CONSTRAINT partnership_settings_champions_range CHECK (minimum_participation_champions BETWEEN 0 AND 50),
    CONSTRAINT partnership_settings_notice_range CHECK (renewal_notice_days BETWEEN 1 AND 365)
);
CALL app_isolate_by_tenant('partnership_settings');
