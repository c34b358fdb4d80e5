package uk.trustplatform.participation;

import static uk.trustplatform.api.Inputs.dayDone;
import static uk.trustplatform.api.Inputs.optional;
import static uk.trustplatform.api.Inputs.required;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.Inputs.DayMessages;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * Recording participation activities and closing their feedback loop ("you said, we did"). Tenant
 * admins keep every partner's; a partner lead keeps those of its organisation and the services
 * below it. Audience, methods and ladder rung must come from the tenant's published vocabularies.
 */
@Singleton
final class KeepingParticipationRegister {

    private static final int TEXT_MAX = 4000;
    private static final int SHORT_MAX = 200;

    /** What a change returns: the activity as saved, or why nothing was. */
    record Saved(@Nullable ParticipationActivity participationActivity, List<UserError> userErrors) {

        static Saved refused(UserError problem) {
            return refused(List.of(problem));
        }

        static Saved refused(List<UserError> problems) {
            return new Saved(null, problems);
        }
    }

    private final ParticipationActivities activities;
    private final ReadingParticipationRegister reading;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final LondonClock clock;

    KeepingParticipationRegister(
            ParticipationActivities activities,
            ReadingParticipationRegister reading,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            AuditTrail audit,
            LondonClock clock) {
        this.clock = clock;
        this.activities = activities;
        this.reading = reading;
        this.partners = partners;
        this.configuration = configuration;
        this.audit = audit;
    }

    /** Records a new activity, or (with {@code id} and {@code version}) changes one. */
    Saved save(Caller caller, SaveParticipationActivity save) {
        caller.requireTenant();
        return save.id() == null
                ? record(caller, save.partnerOrganisationId(), save.details())
                : change(caller, save.id(), save.version(), save.details());
    }

    private Saved record(Caller caller, @Nullable String organisationId, ActivityInput details) {
        Optional<PartnerOrganisation> organisation =
                GlobalId.decode(organisationId, PartnerOrganisation.TYPE).flatMap(id -> partners.visible(caller, id));
        if (organisation.isEmpty()) {
            return Saved.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        requireKeeper(caller, organisation.get().id());
        List<UserError> problems = details.problems(configuration.vocabularies());
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        ParticipationActivity saved = activities.save(with(
                details,
                UUID.randomUUID(),
                caller.requireTenant().toString(),
                organisation.get().id(),
                null,
                0));
        audit.record(
                caller.requireTenant(),
                "ParticipationActivity.recorded",
                ParticipationActivity.TYPE,
                saved.id(),
                null,
                saved);
        return new Saved(saved, List.of());
    }

    private Saved change(Caller caller, String id, long version, ActivityInput details) {
        Optional<ParticipationActivity> found = find(caller, id);
        if (found.isEmpty()) {
            return Saved.refused(UserError.notFound("id", "participation activity"));
        }
        ParticipationActivity current = found.get();
        requireKeeper(caller, current.partnerOrganisationId());
        Optional<UserError> stale = stale(current, version);
        if (stale.isPresent()) {
            return Saved.refused(stale.get());
        }
        List<UserError> problems = new ArrayList<>(details.problems(configuration.vocabularies()));
        if (current.feedbackGivenOn() != null
                && details.startsOn() != null
                && current.feedbackGivenOn().isBefore(details.startsOn())) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "Feedback was given on " + current.feedbackGivenOn() + "; the activity cannot start after that.",
                    "input",
                    "startsOn"));
        }
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        ParticipationActivity changed = with(
                details, current.id(), current.tenantId(), current.partnerOrganisationId(), current, current.version());
        return update(caller, current, changed, "ParticipationActivity.changed", version);
    }

    /** Records (or corrects) what the participants said, what was done, and when and how they were told. */
    Saved recordFeedback(Caller caller, RecordParticipationFeedback feedback) {
        caller.requireTenant();
        Optional<ParticipationActivity> found = find(caller, feedback.id());
        if (found.isEmpty()) {
            return Saved.refused(UserError.notFound("id", "participation activity"));
        }
        ParticipationActivity current = found.get();
        requireKeeper(caller, current.partnerOrganisationId());
        long version = feedback.version();
        Optional<UserError> stale = stale(current, version);
        if (stale.isPresent()) {
            return Saved.refused(stale.get());
        }
        String youSaid = feedback.youSaid();
        String weDid = feedback.weDid();
        String method = feedback.method();
        LocalDate givenOn = feedback.givenOn();
        List<UserError> problems = new ArrayList<>();
        required(problems, "youSaid", youSaid, TEXT_MAX, "Say what the children and young people said.");
        required(problems, "weDid", weDid, TEXT_MAX, "Say what was done about it.");
        optional(problems, "method", method, SHORT_MAX);
        dayDone(
                problems,
                "givenOn",
                givenOn,
                clock.today(),
                current.startsOn(),
                new DayMessages(
                        "Give the date the participants were told.",
                        "Feedback is recorded once given: today or earlier.",
                        "Feedback cannot be given before the activity starts"));
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        ParticipationActivity changed = current.withFeedback(
                Objects.requireNonNull(youSaid, "the check refuses feedback without what was said"),
                Objects.requireNonNull(weDid, "the check refuses feedback without what was done"),
                Objects.requireNonNull(givenOn, "the check refuses feedback without its day"),
                method);
        return update(caller, current, changed, "ParticipationActivity.feedbackRecorded", version);
    }

    private Saved update(
            Caller caller, ParticipationActivity current, ParticipationActivity changed, String action, long version) {
        try {
            ParticipationActivity saved = activities.update(changed);
            audit.record(caller.requireTenant(), action, ParticipationActivity.TYPE, saved.id(), current, saved);
            return new Saved(saved, List.of());
        } catch (OptimisticLockException raced) {
            return Saved.refused(UserError.conflict("participation activity", current.version() + 1, version));
        }
    }

    private static Optional<UserError> stale(ParticipationActivity current, long version) {
        return UserError.staleVersion("participation activity", current.version(), version);
    }

    /** The activity with the details given, keeping the feedback and recording time of {@code kept}. */
    private ParticipationActivity with(
            ActivityInput details,
            UUID id,
            String tenantId,
            UUID organisation,
            @Nullable ParticipationActivity kept,
            long version) {
        return new ParticipationActivity(
                id,
                tenantId,
                organisation,
                Objects.requireNonNull(details.title(), "the check refuses an activity without a title"),
                Objects.requireNonNull(details.purpose(), "the check refuses an activity without its purpose"),
                details.decisionInformed(),
                details.decisionStage(),
                details.decisionDueOn(),
                Objects.requireNonNull(details.startsOn(), "the check refuses an activity without its start"),
                Objects.requireNonNull(details.endsOn(), "an activity given no end ends the day it starts"),
                details.ageBands().toArray(String[]::new),
                details.audienceGroups().toArray(String[]::new),
                details.methods().toArray(String[]::new),
                details.participants(),
                details.ladderRung(),
                details.hearByRightStage(),
                details.feedbackDueOn(),
                kept == null ? null : kept.youSaid(),
                kept == null ? null : kept.weDid(),
                kept == null ? null : kept.feedbackGivenOn(),
                kept == null ? null : kept.feedbackMethod(),
                kept == null ? clock.now() : kept.recordedAt(),
                version);
    }

    private Optional<ParticipationActivity> find(Caller caller, String id) {
        return GlobalId.decode(id, ParticipationActivity.TYPE).flatMap(uuid -> reading.visible(caller, uuid));
    }

    private void requireKeeper(Caller caller, UUID organisation) {
        if (!partners.keeps(caller, organisation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead may keep its participation register.");
        }
    }
}
