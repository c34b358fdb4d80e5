package uk.trustplatform.youthforums;

import static uk.trustplatform.api.Inputs.dayDone;
import static uk.trustplatform.api.Inputs.optional;
import static uk.trustplatform.api.Inputs.required;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs.DayMessages;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.Role;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.api.WorkflowStep;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.notifications.DomainEvents;
import uk.trustplatform.notifications.EventKind;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * Recording youth forums' recommendations and answering them. The participation worker (a
 * partner lead, or a tenant admin) records one from a forum of the tenant's strategy to the board
 * or to one partner, and may correct it; a tenant admin answers those to the board, the addressed
 * partner's lead (or a tenant admin) those to a partner. Every change is at the version read.
 */
@Singleton
final class KeepingRecommendations {

    private static final int TEXT_MAX = 4000;
    private static final String WHAT = "recommendation";
    private static final String ANSWERED = "YouthForumRecommendation.answered";
    private static final String ANSWER_CHECKED = "an answer without its outcome or day is refused before it is saved";
    private static final WorkflowStep<Recommendation> STEP = new WorkflowStep<>(WHAT, Recommendation::version);

    /** What a change returns: the recommendation as saved, or why nothing was. */
    record Saved(@Nullable Recommendation youthForumRecommendation, List<UserError> userErrors) {

        static Saved refused(UserError problem) {
            return refused(List.of(problem));
        }

        static Saved refused(List<UserError> problems) {
            return new Saved(null, problems);
        }
    }

    /** Whom a recommendation is addressed to. */
    enum Addressee {
        BOARD,
        PARTNER
    }

    /** A recommendation's details as given, checked against the tenant's forums and partners. */
    private record Details(
            @Nullable String forum,
            @Nullable LocalDate madeOn,
            @Nullable String text,
            @Nullable UUID addressedToId,
            List<UserError> problems) {

        /** The details, once they have no problems: a missing forum, day or text is one. */
        Given given() {
            return new Given(
                    Objects.requireNonNull(forum, "a missing forum is a problem"),
                    Objects.requireNonNull(madeOn, "a missing day is a problem"),
                    Objects.requireNonNull(text, "a missing text is a problem"),
                    addressedToId);
        }
    }

    /** Details without problems. */
    private record Given(
            String forum,
            LocalDate madeOn,
            String text,
            @Nullable UUID addressedToId) {}

    private final Recommendations recommendations;
    private final ReadingRecommendations reading;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final DomainEvents events;
    private final LondonClock clock;

    KeepingRecommendations(
            Recommendations recommendations,
            ReadingRecommendations reading,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            AuditTrail audit,
            DomainEvents events,
            LondonClock clock) {
        this.clock = clock;
        this.recommendations = recommendations;
        this.reading = reading;
        this.partners = partners;
        this.configuration = configuration;
        this.audit = audit;
        this.events = events;
    }

    /** Records a new recommendation, or (with {@code id} and {@code version}) corrects one. */
    Saved save(Caller caller, SaveYouthForumRecommendation save) {
        UUID tenantId = caller.requireTenant();
        String id = save.id();
        return id == null ? record(caller, tenantId, save) : change(caller, id, save.version(), save);
    }

    private Saved record(Caller caller, UUID tenantId, SaveYouthForumRecommendation input) {
        boolean worker =
                caller.administersTenant() || (caller.has(Role.PARTNER_LEAD) && caller.partnerOrganisationId() != null);
        if (!worker) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or a partner lead may record a youth forum's recommendation.");
        }
        Details details = details(input);
        if (!details.problems().isEmpty()) {
            return Saved.refused(details.problems());
        }
        Given given = details.given();
        Recommendation saved = recommendations.save(new Recommendation(
                UUID.randomUUID(),
                tenantId.toString(),
                given.forum(),
                given.madeOn(),
                given.text(),
                given.addressedToId(),
                caller.administersTenant() ? null : caller.partnerOrganisationId(),
                null,
                null,
                null,
                null,
                clock.now(),
                0));
        audit.record(tenantId, "YouthForumRecommendation.recorded", Recommendation.TYPE, saved.id(), null, saved);
        return new Saved(saved, List.of());
    }

    private Saved change(Caller caller, String id, long version, SaveYouthForumRecommendation input) {
        Details details = details(input);
        return step(
                caller,
                id,
                version,
                current -> {
                    boolean recorder = current.recordedById() != null && partners.keeps(caller, current.recordedById());
                    if (!caller.administersTenant() && !recorder) {
                        throw new ApiException(
                                ErrorCode.FORBIDDEN,
                                "Only a tenant admin or the recording agency's lead may correct a recommendation.");
                    }
                },
                current -> {
                    List<UserError> problems = new ArrayList<>(details.problems());
                    LocalDate madeOn = details.madeOn();
                    LocalDate repliedOn = current.repliedOn();
                    if (repliedOn != null && madeOn != null && madeOn.isAfter(repliedOn)) {
                        problems.add(UserError.of(
                                Code.NOT_ALLOWED,
                                "It was answered on " + repliedOn + "; it cannot have been made after that.",
                                "input",
                                "madeOn"));
                    }
                    return problems;
                },
                current -> {
                    Given given = details.given();
                    return current.withDetails(given.forum(), given.madeOn(), given.text(), given.addressedToId());
                },
                "YouthForumRecommendation.changed");
    }

    /** Records (or corrects) the reply: what was done, when, the outcome and, unless accepted, why. */
    Saved answer(Caller caller, AnswerYouthForumRecommendation answer) {
        String reply = answer.reply();
        String reason = answer.reason();
        LocalDate repliedOn = answer.repliedOn();
        Recommendation.Outcome outcome = answer.outcome();
        return step(
                caller,
                answer.id(),
                answer.version(),
                current -> requireAnswerer(caller, current),
                current -> {
                    List<UserError> problems = new ArrayList<>();
                    required(problems, "reply", reply, TEXT_MAX, "Say what was done about the recommendation.");
                    if (outcome == null) {
                        problems.add(UserError.of(
                                Code.REQUIRED,
                                "Say whether it was accepted, partly accepted or not accepted.",
                                "input",
                                "outcome"));
                    } else if (outcome != Recommendation.Outcome.ACCEPTED) {
                        required(problems, "reason", reason, TEXT_MAX, "Say why it was not accepted as it stood.");
                    } else {
                        optional(problems, "reason", reason, TEXT_MAX);
                    }
                    dayDone(
                            problems,
                            "repliedOn",
                            repliedOn,
                            clock.today(),
                            current.madeOn(),
                            new DayMessages(
                                    "Give the date the forum was answered.",
                                    "A reply is recorded once given: today or earlier.",
                                    "The reply cannot come before the recommendation was made"));
                    return problems;
                },
                current -> current.withReply(reply, repliedOn, outcome, reason),
                ANSWERED);
    }

    /** One step of a recommendation's keeping, as {@link WorkflowStep} takes every feature's. */
    private Saved step(
            Caller caller,
            String id,
            long version,
            Consumer<Recommendation> allowed,
            Function<Recommendation, List<UserError>> check,
            UnaryOperator<Recommendation> change,
            String action) {
        UUID tenantId = caller.requireTenant();
        WorkflowStep.Outcome<Recommendation> outcome = STEP.take(
                find(caller, id),
                version,
                allowed,
                check,
                current -> recommendations.update(change.apply(current)),
                (before, after) -> {
                    audit.record(tenantId, action, Recommendation.TYPE, after.id(), before, after);
                    if (action.equals(ANSWERED)) {
                        events.publish(
                                tenantId,
                                EventKind.RECOMMENDATION_ANSWERED,
                                Recommendation.TYPE,
                                after.id(),
                                after.addressedToId(),
                                Map.of(
                                        "outcome",
                                        Objects.requireNonNull(after.outcome(), ANSWER_CHECKED)
                                                .name(),
                                        "repliedOn",
                                        Objects.requireNonNull(after.repliedOn(), ANSWER_CHECKED)
                                                .toString()));
                    }
                });
        return new Saved(outcome.saved(), outcome.userErrors());
    }

    /** The forum, date, text and addressee given, with what is wrong with them. */
    private Details details(SaveYouthForumRecommendation input) {
        List<UserError> problems = new ArrayList<>();
        String forum = input.forum();
        if (forum == null) {
            problems.add(UserError.of(Code.REQUIRED, "Choose the youth forum that made it.", "input", "forum"));
        } else if (!configuration.participationStructures().contains(forum)) {
            List<String> forums = configuration.participationStructures();
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    forums.isEmpty()
                            ? "The tenant's published strategies name no participation structures yet."
                            : "'" + forum + "' is not one of the participation structures of the tenant's strategy: "
                                    + String.join(", ", forums) + ".",
                    "input",
                    "forum"));
        }
        LocalDate madeOn = input.madeOn();
        dayDone(
                problems,
                "madeOn",
                madeOn,
                clock.today(),
                null,
                new DayMessages(
                        "Give the date the forum made it.",
                        "A recommendation is recorded once made: today or earlier.",
                        null));
        String text = input.recommendation();
        required(problems, "recommendation", text, TEXT_MAX, "Write the recommendation as the forum made it.");
        return new Details(forum, madeOn, text, addressee(input, problems), problems);
    }

    /** The partner addressed, or null for the board (or when the addressee is wrong, with the problem added). */
    private @Nullable UUID addressee(SaveYouthForumRecommendation input, List<UserError> problems) {
        String to = input.addressedTo();
        if (to == null) {
            problems.add(UserError.of(
                    Code.REQUIRED,
                    "Say whether it is addressed to the board or to a partner.",
                    "input",
                    "addressedTo"));
            return null;
        }
        if (Addressee.valueOf(to) == Addressee.BOARD) {
            return null;
        }
        String partner = input.partnerOrganisationId();
        if (partner == null) {
            problems.add(UserError.of(
                    Code.REQUIRED, "Select which partner it is addressed to.", "input", "partnerOrganisationId"));
            return null;
        }
        // Any partner of the tenant may be addressed, not only those the recording lead reads.
        Optional<UUID> addressed = GlobalId.decode(partner, PartnerOrganisation.TYPE)
                .filter(id -> partners.published(List.of(id)).containsKey(id));
        if (addressed.isEmpty()) {
            problems.add(UserError.notFound("partnerOrganisationId", "partner organisation of the partnership"));
            return null;
        }
        return addressed.get();
    }

    /**
     * Whether the caller answers the recommendation: a tenant admin any, the addressed partner's lead
     * those to its partner. The same keep its feedback code.
     */
    boolean answers(Caller caller, Recommendation recommendation) {
        return caller.administersTenant()
                || !recommendation.addressedToBoard()
                        && partners.keeps(
                                caller,
                                Objects.requireNonNull(
                                        recommendation.addressedToId(),
                                        "a recommendation not to the board is addressed to a partner"));
    }

    private void requireAnswerer(Caller caller, Recommendation recommendation) {
        if (!answers(caller, recommendation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "A tenant admin answers recommendations to the board; the addressed partner's lead (or a tenant"
                            + " admin) those to a partner.");
        }
    }

    private Optional<Recommendation> find(Caller caller, String id) {
        return GlobalId.decode(id, Recommendation.TYPE).flatMap(uuid -> reading.visible(caller, uuid));
    }
}
