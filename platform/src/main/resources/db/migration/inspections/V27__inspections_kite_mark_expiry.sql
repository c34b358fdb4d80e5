-- A kite mark rests on an audit by young people that Cambridgeshire holds yearly (3.4: "oversee
-- the audit process on a yearly basis"), so it holds for a while and then expires: how many
-- months is a partnership setting, 12 unless the partnership sets its own.
ALTER TABLE partnership_settings
    ADD COLUMN kite_mark_valid_months integer NOT NULL DEFAULT 12,
    ADD CONSTRAINT partnership_settings_kite_mark_range CHECK (kite_mark_valid_months BETWEEN 1 AND 60);

-- The day it expires is fixed when it is awarded: a later change of the setting does not shorten
-- or lengthen a mark the public has already read.
ALTER TABLE inspection ADD COLUMN kite_mark_expires_on date;

-- The marks already awarded get their expiry from their tenant's setting. The owner reads every
-- tenant's rows only while the policies are not forced on it, within this one transaction.
ALTER TABLE inspection NO FORCE ROW LEVEL SECURITY;
ALTER TABLE partnership_settings NO FORCE ROW LEVEL SECURITY;
UPDATE inspection i
   SET kite_mark_expires_on = (i.reported_on + make_interval(months => COALESCE(
           (SELECT s.kite_mark_valid_months FROM partnership_settings s WHERE s.tenant_id = i.tenant_id), 12)))::date
 WHERE i.kite_mark_awarded;
ALTER TABLE inspection FORCE ROW LEVEL SECURITY;
ALTER TABLE partnership_settings FORCE ROW LEVEL SECURITY;

ALTER TABLE inspection ADD CONSTRAINT inspection_kite_mark_expiry CHECK (
    (kite_mark_awarded IS TRUE) = (kite_mark_expires_on IS NOT NULL)
    AND (kite_mark_expires_on IS NULL OR kite_mark_expires_on > reported_on));
-- The public reads the marks not yet expired.
DROP INDEX inspection_kite_marks;
CREATE INDEX inspection_kite_marks ON inspection (tenant_id, kite_mark_expires_on) WHERE kite_mark_awarded;
