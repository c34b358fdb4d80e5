package uk.trustplatform.inspections;

import static uk.trustplatform.api.Inputs.required;
import static uk.trustplatform.api.Inputs.trimmed;

import io.micronaut.data.exceptions.OptimisticLockException;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.ErrorCode;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.audit.AuditTrail;
import uk.trustplatform.configuration.InForceConfiguration;
import uk.trustplatform.configuration.VocabulariesContent;
import uk.trustplatform.inspections.Inspection.Status;
import uk.trustplatform.inspections.InspectionLists.Recommendation;
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
    record Saved(Inspection inspection, List<UserError> userErrors) {

        static Saved refused(UserError problem) {
            return refused(List.of(problem));
        }

        static Saved refused(List<UserError> problems) {
            return new Saved(null, problems);
        }
    }

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
    Saved save(Caller caller, Map<String, Object> input) {
        caller.requireTenant();
        String id = (String) input.get("id");
        return id == null ? record(caller, input) : change(caller, id, input);
    }

    private Saved record(Caller caller, Map<String, Object> input) {
        String organisationId = trimmed(input.get("partnerOrganisationId"));
        if (organisationId == null) {
            // Nothing to check the caller against yet: the answer names only what is missing.
            List<UserError> problems = new ArrayList<>(List.of(UserError.of(
                    Code.REQUIRED, "Select which organisation was inspected.", "input", "partnerOrganisationId")));
            problems.addAll(InspectionInput.from(input).problems(configuration.vocabularies(), clock.today()));
            return Saved.refused(problems);
        }
        Optional<PartnerOrganisation> organisation =
                GlobalId.decode(organisationId, PartnerOrganisation.TYPE).flatMap(id -> partners.visible(caller, id));
        if (organisation.isEmpty()) {
            return Saved.refused(UserError.notFound("partnerOrganisationId", "partner organisation"));
        }
        requireKeeper(caller, organisation.get().id());
        InspectionInput details = InspectionInput.from(input);
        VocabulariesContent vocabularies = configuration.vocabularies();
        List<UserError> problems = details.problems(vocabularies, clock.today());
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        Inspection draft = new Inspection(
                UUID.randomUUID(),
                caller.tenantId().toString(),
                organisation.get().id(),
                details.serviceName(),
                details.inspectedOn(),
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
        audit.record(caller.tenantId(), "Inspection.recorded", Inspection.TYPE, saved.id(), null, saved);
        return new Saved(saved, List.of());
    }

    private Saved change(Caller caller, String id, Map<String, Object> input) {
        Number version = (Number) input.get("version");
        Target target = target(caller, id, version, Status.DRAFT);
        if (target.refusal() != null) {
            return Saved.refused(target.refusal());
        }
        Inspection current = target.inspection();
        InspectionInput details = InspectionInput.from(input);
        VocabulariesContent vocabularies = configuration.vocabularies();
        List<UserError> problems = details.problems(vocabularies, clock.today());
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        Inspection changed = current.withDetails(
                details.serviceName(),
                details.inspectedOn(),
                lists.write(details.inspectors()),
                lists.write(details.worded(vocabularies)),
                details.findings(),
                lists.write(details.numbered()));
        return update(caller, current, changed, "Inspection.changed", version);
    }

    /**
     * Makes the findings and recommendations final, with the kite mark decision: awarded or
     * withheld. A report needs findings and at least one young inspector.
     */
    Saved report(Caller caller, Map<String, Object> input) {
        caller.requireTenant();
        Number version = (Number) input.get("version");
        Target target = target(caller, (String) input.get("id"), version, Status.DRAFT);
        if (target.refusal() != null) {
            return Saved.refused(target.refusal());
        }
        Inspection current = target.inspection();
        List<UserError> problems = new ArrayList<>();
        if (current.findings() == null) {
            problems.add(UserError.of(
                    Code.REQUIRED, "Record the young inspectors' findings before reporting.", "input", "id"));
        }
        if (lists.inspectors(current).isEmpty()) {
            problems.add(UserError.of(
                    Code.REQUIRED, "Add the young inspectors who took part before reporting.", "input", "id"));
        }
        Object kiteMark = input.get("kiteMarkAwarded");
        if (kiteMark == null) {
            problems.add(UserError.of(
                    Code.REQUIRED,
                    "Say whether the inspection awards the kite mark or withholds it.",
                    "input",
                    "kiteMarkAwarded"));
        }
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        LocalDate today = clock.today();
        return update(
                caller,
                current,
                current.reported(
                        Boolean.TRUE.equals(kiteMark),
                        today,
                        configuration.settings(caller.tenantId()).kiteMarkValidMonths()),
                "Inspection.reported",
                version);
    }

    /** Records (or corrects) the service's response to one recommendation of a reported inspection. */
    Saved respond(Caller caller, Map<String, Object> input) {
        caller.requireTenant();
        Number version = (Number) input.get("version");
        Target target = target(caller, (String) input.get("id"), version, Status.REPORTED);
        if (target.refusal() != null) {
            return Saved.refused(target.refusal());
        }
        Inspection current = target.inspection();
        List<Recommendation> recommendations = lists.recommendations(current);
        Number number = (Number) input.get("number");
        String response = trimmed(input.get("response"));
        LocalDate respondedOn = (LocalDate) input.get("respondedOn");
        List<UserError> problems = new ArrayList<>();
        if (number == null || number.intValue() < 1 || number.intValue() > recommendations.size()) {
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    "The inspection has recommendations 1 to " + recommendations.size() + "; there is no number "
                            + number + ".",
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
        if (!problems.isEmpty()) {
            return Saved.refused(problems);
        }
        List<Recommendation> responded = recommendations.stream()
                .map(recommendation -> recommendation.number() == number.intValue()
                        ? recommendation.respond(response, respondedOn)
                        : recommendation)
                .toList();
        return update(
                caller, current, current.withRecommendations(lists.write(responded)), "Inspection.responded", version);
    }

    private Saved update(Caller caller, Inspection current, Inspection changed, String action, Number version) {
        try {
            Inspection saved = inspections.update(changed);
            audit.record(caller.tenantId(), action, Inspection.TYPE, saved.id(), current, saved);
            return new Saved(saved, List.of());
        } catch (OptimisticLockException raced) {
            return Saved.refused(UserError.conflict("inspection", current.version() + 1, version.longValue()));
        }
    }

    /** The inspection, if the caller may read it; refused outright if it may read but not keep it. */
    private Optional<Inspection> kept(Caller caller, String id) {
        Optional<Inspection> found =
                GlobalId.decode(id, Inspection.TYPE).flatMap(uuid -> reading.visible(caller, uuid));
        found.ifPresent(inspection -> requireKeeper(caller, inspection.partnerOrganisationId()));
        return found;
    }

    private static Optional<UserError> stale(Inspection current, Number version) {
        if (version == null || version.longValue() != current.version()) {
            return Optional.of(
                    UserError.conflict("inspection", current.version(), version == null ? -1 : version.longValue()));
        }
        return Optional.empty();
    }

    /** The inspection an input names, or why it cannot be changed: not found, read at an older version, or not at {@code needed}. */
    private record Target(Inspection inspection, UserError refusal) {}

    private Target target(Caller caller, String id, Number version, Status needed) {
        Optional<Inspection> found = kept(caller, id);
        if (found.isEmpty()) {
            return new Target(null, UserError.notFound("id", "inspection"));
        }
        Inspection current = found.get();
        Optional<UserError> stale = stale(current, version);
        if (stale.isPresent()) {
            return new Target(current, stale.get());
        }
        if (current.status() == needed) {
            return new Target(current, null);
        }
        String why = needed == Status.DRAFT
                ? "The inspection was reported on " + current.reportedOn()
                        + "; its findings and recommendations are final."
                : "The service responds once the inspection is reported; this one is still a draft.";
        return new Target(current, UserError.of(Code.NOT_ALLOWED, why, "input", "id"));
    }

    private void requireKeeper(Caller caller, UUID organisation) {
        if (!partners.keeps(caller, organisation)) {
            throw new ApiException(
                    ErrorCode.FORBIDDEN,
                    "Only a tenant admin or the organisation's own partner lead may keep its inspections.");
        }
    }
}
