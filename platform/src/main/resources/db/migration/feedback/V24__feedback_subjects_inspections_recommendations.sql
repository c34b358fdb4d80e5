-- Feedback codes for two more kinds of subject: an inspection by young inspectors (once reported)
-- and a youth forum's recommendation (once answered). Each kind is named by its GraphQL type.
ALTER TABLE feedback_code DROP CONSTRAINT feedback_subject_kind_known;
ALTER TABLE feedback_code ADD CONSTRAINT feedback_subject_kind_known
    CHECK (subject_kind IN ('ParticipationActivity', 'Inspection', 'YouthForumRecommendation'));
ALTER TABLE feedback_answer DROP CONSTRAINT feedback_answer_subject_kind_known;
ALTER TABLE feedback_answer ADD CONSTRAINT feedback_answer_subject_kind_known
    CHECK (subject_kind IN ('ParticipationActivity', 'Inspection', 'YouthForumRecommendation'));
