package uk.trustplatform.notifications;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The platform's one vocabulary of domain events: what partner systems subscribe to and what people
 * are emailed about. The GraphQL enum {@code EventKind} has the same names; a webhook's body and
 * header carry {@link #type()}, in the {@code thing.happened} form of the Standard Webhooks
 * convention.
 */
public enum EventKind {
    ACTION_PLAN_SUBMITTED("action_plan.submitted", "an action plan was submitted"),
    ACTION_PLAN_APPROVED("action_plan.approved", "an action plan was approved"),
    ACTION_PLAN_RETURNED("action_plan.returned", "an action plan was returned"),
    ACTION_OVERDUE("action.overdue", "an action is overdue"),
    ACTION_PROGRESS_RECORDED("action.progress_recorded", "progress was recorded on an action"),
    PLEDGE_INVITED("pledge.invited", "a partner was invited to sign the pledge"),
    PLEDGE_SIGNED("pledge.signed", "a pledge was signed"),
    PLEDGE_REGISTERED("pledge.registered", "a pledge was registered and its badge issued"),
    PLEDGE_RENEWED("pledge.renewed", "a pledge was renewed"),
    PLEDGE_RENEWAL_DUE("pledge.renewal_due", "a pledge is due for renewal"),
    PLEDGE_LAPSED("pledge.lapsed", "a pledge lapsed"),
    PLEDGE_WITHDRAWN("pledge.withdrawn", "a pledge was withdrawn"),
    SECTION11_AUDIT_SUBMITTED("section11_audit.submitted", "a Section 11 audit was submitted"),
    SECTION11_AUDIT_MODERATED("section11_audit.moderated", "a Section 11 audit was moderated"),
    FEEDBACK_OVERDUE("participation_activity.feedback_overdue", "feedback to young people is overdue"),
    RECOMMENDATION_ANSWERED("youth_forum_recommendation.answered", "a youth forum's recommendation was answered"),
    RECOMMENDATION_OVERDUE("youth_forum_recommendation.overdue", "a youth forum's recommendation is overdue"),
    CONFIGURATION_PUBLISHED("configuration_document.published", "a configuration document was published"),
    WEBHOOK_ENDPOINT_PAUSED("webhook_endpoint.paused", "a webhook endpoint was paused after failing");

    private static final Map<String, EventKind> BY_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventKind::type, Function.identity()));

    private final String type;
    private final String words;

    EventKind(String type, String words) {
        this.type = type;
        this.words = words;
    }

    /** The event's type as partner systems read it, for example {@code action_plan.returned}. */
    public String type() {
        return type;
    }

    /** What happened, in words for a sentence: "an action plan was returned". */
    public String words() {
        return words;
    }

    public static Optional<EventKind> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
