package uk.trustplatform.inspections;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.feedback.FeedbackSubject;
import uk.trustplatform.feedback.SubjectIds;
import uk.trustplatform.inspections.Inspection.Status;
import uk.trustplatform.inspections.InspectionLists.Recommendation;
import uk.trustplatform.partners.PartnerDirectory;
import uk.trustplatform.partners.PartnerOrganisation;

/**
 * An inspection by young inspectors as a feedback code's subject, once reported: the young
 * inspectors read which service they inspected and when, what they found and recommended, the
 * service's response to each recommendation (with its date) as it comes, and the kite mark
 * decision. Its code is kept by whoever keeps the inspection: a tenant admin, or the partner lead
 * of the organisation inspected (or one above it).
 */
@Singleton
final class InspectionFeedbackSubject implements FeedbackSubject {

    private static final String IN_PERIOD = "SELECT id FROM inspection WHERE tenant_id = ?"
            + " AND inspected_on BETWEEN ? AND ? AND (? OR partner_organisation_id = ANY (?))";

    private final ReadingInspections reading;
    private final Inspections inspections;
    private final InspectionLists lists;
    private final PartnerDirectory partners;
    private final JdbcOperations jdbc;

    InspectionFeedbackSubject(
            ReadingInspections reading,
            Inspections inspections,
            InspectionLists lists,
            PartnerDirectory partners,
            JdbcOperations jdbc) {
        this.reading = reading;
        this.inspections = inspections;
        this.lists = lists;
        this.partners = partners;
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return Inspection.TYPE;
    }

    @Override
    public String noun() {
        return "inspection";
    }

    @Override
    public String notToldYet() {
        return "Report the inspection first: the code shows the young inspectors its findings, recommendations"
                + " and kite mark decision.";
    }

    @Override
    public Optional<Subject> visible(Caller caller, UUID id) {
        return reading.visible(caller, id)
                .map(inspection ->
                        new Subject(partners.keeps(caller, inspection.partnerOrganisationId()), told(inspection)));
    }

    @Override
    public Optional<Told> told(UUID id) {
        return inspections.findById(id).flatMap(this::told);
    }

    /** The inspections of the period's days that the caller reads. */
    @Override
    public List<UUID> summarised(Caller caller, LocalDate from, LocalDate to) {
        return SubjectIds.inPeriod(jdbc, IN_PERIOD, caller.requireTenant(), from, to, partners.scope(caller));
    }

    @Override
    public UUID idOf(Object source) {
        return ((Inspection) source).id();
    }

    private Optional<Told> told(Inspection inspection) {
        if (inspection.status() != Status.REPORTED) {
            return Optional.empty();
        }
        // The agency's name is public (its pledge register, its kite marks); read whoever holds the code.
        // The inspection's foreign key keeps the organisation it names.
        PartnerOrganisation agency = Objects.requireNonNull(
                partners.published(List.of(inspection.partnerOrganisationId())).get(inspection.partnerOrganisationId()),
                "the organisation inspected");
        String place =
                inspection.serviceName() == null ? agency.name() : inspection.serviceName() + " at " + agency.name();
        List<Recommendation> recommendations = lists.recommendations(inspection);
        List<Response> responses = recommendations.stream()
                .map(made -> new Response(made.number(), made.text(), made.response(), made.respondedOn()))
                .toList();
        // A report is whole (inspection_report_whole): its findings, its day and its kite mark decision.
        boolean kiteMark = Objects.requireNonNull(inspection.kiteMarkAwarded(), "a reported inspection's kite mark");
        return Optional.of(Told.of(
                        Inspection.TYPE,
                        place,
                        Objects.requireNonNull(inspection.findings(), "a reported inspection's findings"),
                        whatWasDone(recommendations, kiteMark),
                        inspection.inspectedOn(),
                        Objects.requireNonNull(inspection.reportedOn(), "a reported inspection's day"))
                .withReport(responses, kiteMark));
    }

    /** In a sentence or two, for the young inspectors: how far the service has answered them, and the kite mark. */
    static String whatWasDone(List<Recommendation> recommendations, boolean kiteMark) {
        long responded =
                recommendations.stream().filter(Recommendation::responded).count();
        String answers = recommendations.isEmpty()
                ? "You made no recommendations."
                : "The service has responded to " + responded + " of your " + recommendations.size()
                        + (recommendations.size() == 1 ? " recommendation." : " recommendations.");
        return answers
                + (kiteMark
                        ? " The inspection awarded the kite mark."
                        : " The inspection did not award the kite mark this time.");
    }
}
