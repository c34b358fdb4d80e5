package uk.trustplatform.inspections;

import static uk.trustplatform.api.Inputs.required;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.api.WorkflowStep;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.VocabulariesContent;
import uk.trustplatform.inspections.Inspection.Status;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * Recording an inspection by young inspectors (while a draft), reporting it with the kite mark
 * decision, and recording the service's response to each recommendation. Entered by the
 * participation worker who facilitated it: a tenant admin for any organisation, a partner lead for
 * its own and the services below it; the same keep the responses.
 */
@Singleton
final class KeepingInspections {

    private static final int TEXT_MAX = 4000;

    /** What a change returns: the inspection as saved, or why nothing was. */
    record Saved(@Nullable Inspection inspection, List<UserError> userErrors) {

        static Saved refused(UserError problem) {
            return refused(List.of(problem));
        }

        static Saved refused(List<UserError> problems) {
            return new Saved(null, problems);
        }
    }

    private static final WorkflowStep<Inspection> STEP = new WorkflowStep<>("inspection", Inspection::version);

    private final Inspections inspections;
    private final ReadingInspections reading;
    private final InspectionLists lists;
    private final PartnerDirectory partners;
    private final InForceConfiguration configuration;
    private final AuditTrail audit;
    private final LondonClock clock;

    KeepingInspections(
            Inspections inspections,
            ReadingInspections reading,
            InspectionLists lists,
            PartnerDirectory partners,
            InForceConfiguration configuration,
            AuditTrail audit,
            LondonClock clock) {
        this.clock = clock;
        this.inspections = inspections;
        this.reading = reading;
        this.lists = lists;
        this.partners = partners;
        this.configuration = configuration;
        this.audit = audit;
    }

    /** Records a new inspection, or (with {@code id} and {@code version}) changes a draft. */
    Saved save(Caller caller, SaveInspection save) {
        caller.requireTenant();
        return save.id() == null
                ? record(caller, save.partnerOrganisationId(), save.details())
                : change(caller, save.id(), save.version(), save.details());
    }

    private Saved record(Caller caller, @Nullable String organisationId, InspectionInput details) {
        if (organisationId == null) {
            // Nothing to check the caller against yet: the answer names only what is missing.
            List<UserError> problems = new ArrayList<>(List.of(UserError.of(
                    Code.REQUIRED, "Select which organisation was inspected.", "input", "partnerOrganisationId")));
            problems.addAll(details.problems(configuration.vocabularies(), clock.today()));
            return Saved.refused(problems);
        }
        Optional<PartnerOrganisation> organisation =
                GlobalId.decode(organisationId, PartnerOrganisation.TYPE).flatMap(id -> partners.visible(caller, id));
        if (organisation.isEmpty()) {
            return Saved.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        requireKeeper(caller, organisation.get().id());
        VocabulariesContent vocabularies = configuration.vocabularies();
        List<UserError> problems = details.problems(vocabularies, clock.today());
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        Inspection draft = new Inspection(
                UUID.randomUUID(),
                caller.requireTenant().toString(),
                organisation.get().id(),
                details.serviceName(),
                details.checkedDay(),
                Status.DRAFT,
                lists.write(details.inspectors()),
                lists.write(details.worded(vocabularies)),
                details.findings(),
                lists.write(details.numbered()),
                null,
                null,
                null,
                clock.now(),
                0);
        Inspection saved = inspections.save(draft);
        audit.record(caller.requireTenant(), "Inspection.recorded", Inspection.TYPE, saved.id(), null, saved);
        return new Saved(saved, List.of());
    }

    private Saved change(Caller caller, String id, long version, InspectionInput details) {
        VocabulariesContent vocabularies = configuration.vocabularies();
        return step(
                caller,
                id,
                version,
                Status.DRAFT,
                current -> details.problems(vocabularies, clock.today()),
                current -> current.withDetails(
                        details.serviceName(),
                        details.checkedDay(),
                        lists.write(details.inspectors()),
                        lists.write(details.worded(vocabularies)),
                        details.findings(),
                        lists.write(details.numbered())),
                "Inspection.changed");
    }

    /**
     * Makes the findings and recommendations final, with the kite mark decision: awarded or
     * withheld. A report needs findings and at least one young inspector.
     */
    Saved report(Caller caller, ReportInspection report) {
        Boolean kiteMark = report.kiteMarkAwarded();
        return step(
                caller,
                report.id(),
                report.version(),
                Status.DRAFT,
                current -> {
                    List<UserError> problems = new ArrayList<>();
                    if (current.findings() == null) {
                        problems.add(UserError.of(
                                Code.REQUIRED,
                                "Record the young inspectors' findings before reporting.",
                                "input",
                                "id"));
                    }
                    if (lists.inspectors(current).isEmpty()) {
                        problems.add(UserError.of(
                                Code.REQUIRED,
                                "Add the young inspectors who took part before reporting.",
                                "input",
                                "id"));
                    }
                    if (kiteMark == null) {
                        problems.add(UserError.of(
                                Code.REQUIRED,
                                "Say whether the inspection awards the kite mark or withholds it.",
                                "input",
                                "kiteMarkAwarded"));
                    }
                    return problems;
                },
                current -> current.reported(
                        Boolean.TRUE.equals(kiteMark),
                        clock.today(),
                        configuration.settings(caller.requireTenant()).kiteMarkValidMonths()),
                "Inspection.reported");
    }

    /** Records (or corrects) the service's response to one recommendation of a reported inspection. */
    Saved respond(Caller caller, RespondToRecommendation answer) {
        int number = answer.number();
        String response = answer.response();
        LocalDate respondedOn = answer.respondedOn();
        return step(
                caller,
                answer.id(),
                answer.version(),
                Status.REPORTED,
                current -> responseProblems(current, number, response, respondedOn),
                current -> current.withRecommendations(lists.write(lists.recommendations(current).stream()
                        .map(recommendation -> recommendation.number() == number
                                ? recommendation.respond(
                                        Objects.requireNonNull(response, "the check refuses a response without words"),
                                        Objects.requireNonNull(
                                                respondedOn, "the check refuses a response without a day"))
                                : recommendation)
                        .toList())),
                "Inspection.responded");
    }

    private List<UserError> responseProblems(
            Inspection current, int number, @Nullable String response, @Nullable LocalDate respondedOn) {
        int recommendations = lists.recommendations(current).size();
        List<UserError> problems = new ArrayList<>();
        if (number < 1 || number > recommendations) {
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    "The inspection has recommendations 1 to " + recommendations + "; there is no number " + number
                            + ".",
                    "input",
                    "number"));
        }
        required(problems, "response", response, TEXT_MAX, "Give the service's response to the recommendation.");
        if (respondedOn == null) {
            problems.add(UserError.of(Code.REQUIRED, "Give the date the service responded.", "input", "respondedOn"));
        } else if (respondedOn.isAfter(clock.today())) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED, "A response is recorded once given: today or earlier.", "input", "respondedOn"));
        } else if (respondedOn.isBefore(current.reportedOn())) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "The service responds to a report: on or after the day it was reported (" + current.reportedOn()
                            + ").",
                    "input",
                    "respondedOn"));
        }
        return problems;
    }

    /**
     * One step of an inspection's workflow, as {@link WorkflowStep} takes every feature's: found
     * among what the caller may read, kept by the caller, at the version read, at {@code needed},
     * without problems, then changed, saved and audited as {@code action}.
     */
    private Saved step(
            Caller caller,
            String id,
            long version,
            Status needed,
            Function<Inspection, List<UserError>> check,
            UnaryOperator<Inspection> change,
            String action) {
        UUID tenantId = caller.requireTenant();
        WorkflowStep.Outcome<Inspection> outcome = STEP.take(
                GlobalId.decode(id, Inspection.TYPE).flatMap(uuid -> reading.visible(caller, uuid)),
                version,
                current -> requireKeeper(caller, current.partnerOrganisationId()),
                current -> current.status() == needed ? check.apply(current) : List.of(notAt(current, needed)),
                current -> inspections.update(change.apply(current)),
                (before, after) -> audit.record(tenantId, action, Inspection.TYPE, after.id(), before, after));
        return new Saved(outcome.saved(), outcome.userErrors());
    }

    private static UserError notAt(Inspection current, Status needed) {
        String why = needed == Status.DRAFT
                ? "The inspection was reported on " + current.reportedOn()
                        + "; its findings and recommendations are final."
                : "The service responds once the inspection is reported; this one is still a draft.";
        return UserError.of(Code.NOT_ALLOWED, why, "input", "id");
    }

    private void requireKeeper(Caller caller, UUID organisation) {
        if (!partners.keeps(caller, organisation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead may keep its inspections.");
        }
    }
}
