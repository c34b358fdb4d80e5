-- The partnership's guidance documents (safeguarding guidance for staff, an online code of conduct,
-- a champion's role description) are configuration documents of a kind of their own: stored,
-- versioned and published like the others, each under the key its author chose.
ALTER TABLE configuration_document DROP CONSTRAINT configuration_document_kind_known;
ALTER TABLE configuration_document ADD CONSTRAINT configuration_document_kind_known CHECK (kind IN ('STANDARDS_FRAMEWORK',
    'STRATEGY', 'ACTION_PLAN_TEMPLATE', 'CHARTER', 'PLEDGE', 'VOCABULARIES', 'GUIDANCE'));
