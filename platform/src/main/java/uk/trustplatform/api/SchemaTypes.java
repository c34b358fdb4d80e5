package uk.trustplatform.api;

/**
 * The schema's type names, as Java reads them: wiring, type resolution and node identifiers name a
 * type through these constants, so a type renamed in {@code schema.graphqls} is renamed here once
 * and a misspelt name fails to compile instead of failing at start-up.
 */
public final class SchemaTypes {

    public static final String ACTION = "Action";
    public static final String ACTION_PLAN = "ActionPlan";
    public static final String ACTION_PLAN_AUDIT = "ActionPlanAudit";
    public static final String ACTION_PLAN_TEMPLATE = "ActionPlanTemplate";
    public static final String AUDITED_OBJECT = "AuditedObject";
    public static final String CALENDAR_ENTRY = "CalendarEntry";
    public static final String CHAMPION_SHORTFALL = "ChampionShortfall";
    public static final String CHARTER = "Charter";
    public static final String CHARTER_ADOPTION = "CharterAdoption";
    public static final String CONFIGURATION_DOCUMENT = "ConfigurationDocument";
    public static final String DATE = "Date";
    public static final String ENDORSEMENT = "Endorsement";
    public static final String FEEDBACK_CODE = "FeedbackCode";
    public static final String GOVERNANCE_BODY = "GovernanceBody";
    public static final String GOVERNANCE_MEMBERSHIP = "GovernanceMembership";
    public static final String GUIDANCE = "Guidance";
    public static final String HEARD_BACK = "HeardBack";
    public static final String HEARD_BACK_OF_KIND = "HeardBackOfKind";
    public static final String INSPECTION = "Inspection";
    public static final String MUTATION = "Mutation";
    public static final String NODE = "Node";
    public static final String OUTCOME = "Outcome";
    public static final String PARTICIPATION_ACTIVITY = "ParticipationActivity";
    public static final String PARTICIPATION_CALENDAR = "ParticipationCalendar";
    public static final String PARTICIPATION_FEEDBACK = "ParticipationFeedback";
    public static final String PARTNERSHIP_SETTINGS = "PartnershipSettings";
    public static final String PARTNER_GAPS = "PartnerGaps";
    public static final String PARTNER_ORGANISATION = "PartnerOrganisation";
    public static final String PARTNER_PERSON = "PartnerPerson";
    public static final String PARTNER_PROGRESS = "PartnerProgress";
    public static final String PLEDGE = "Pledge";
    public static final String PLEDGE_REGISTRATION = "PledgeRegistration";
    public static final String PROGRESS_UPDATE = "ProgressUpdate";
    public static final String PUBLISHED_CONFIGURATION = "PublishedConfiguration";
    public static final String QUERY = "Query";
    public static final String RECOMMENDATION_REPLY = "RecommendationReply";
    public static final String REGION = "Region";
    public static final String REGIONAL_FORUM = "RegionalForum";
    public static final String SECTION = "Section";
    public static final String SECTION11_AUDIT = "Section11Audit";
    public static final String SECTION11_ENTRY = "Section11Entry";
    public static final String SECTOR = "Sector";
    public static final String SELF_ASSESSMENT = "SelfAssessment";
    public static final String SELF_ASSESSMENT_OVERVIEW = "SelfAssessmentOverview";
    public static final String SELF_ASSESSMENT_RATING = "SelfAssessmentRating";
    public static final String STANDARD = "Standard";
    public static final String STANDARDS_FRAMEWORK = "StandardsFramework";
    public static final String STRATEGY = "Strategy";
    public static final String TENANT = "Tenant";
    public static final String TERM = "Term";
    public static final String VIEWER = "Viewer";
    public static final String VOCABULARIES = "Vocabularies";
    public static final String WEBHOOK_DELIVERY = "WebhookDelivery";
    public static final String WEBHOOK_ENDPOINT = "WebhookEndpoint";
    public static final String YOUTH_FORUM_RECOMMENDATION = "YouthForumRecommendation";

    private SchemaTypes() {}
}
