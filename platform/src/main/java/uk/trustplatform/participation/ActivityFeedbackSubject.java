package uk.trustplatform.participation;

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
import uk.trustplatform.partners.PartnerDirectory;

/**
 * A participation activity as a feedback code's subject: what its participants were told is its
 * "you said, we did"; its code is kept by whoever keeps its register entry; the summary counts
 * the activities it summarises.
 */
@Singleton
final class ActivityFeedbackSubject implements FeedbackSubject {

    private final ReadingParticipationRegister reading;
    private final ParticipationActivities activities;
    private final PartnerDirectory partners;
    private final JdbcOperations jdbc;

    ActivityFeedbackSubject(
            ReadingParticipationRegister reading,
            ParticipationActivities activities,
            PartnerDirectory partners,
            JdbcOperations jdbc) {
        this.reading = reading;
        this.activities = activities;
        this.partners = partners;
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return ParticipationActivity.TYPE;
    }

    @Override
    public String noun() {
        return "activity";
    }

    @Override
    public String notToldYet() {
        return "Record what the participants said and what was done first: the code shows them that.";
    }

    @Override
    public Optional<Subject> visible(Caller caller, UUID id) {
        return reading.visible(caller, id)
                .map(activity -> new Subject(partners.keeps(caller, activity.partnerOrganisationId()), told(activity)));
    }

    @Override
    public Optional<Told> told(UUID id) {
        return activities.findById(id).flatMap(ActivityFeedbackSubject::told);
    }

    /** The activities the participation summary of the period summarises for the caller. */
    @Override
    public List<UUID> summarised(Caller caller, LocalDate from, LocalDate to) {
        return SubjectIds.inPeriod(
                jdbc, SummarisingParticipation.IDS, caller.requireTenant(), from, to, partners.scope(caller));
    }

    @Override
    public UUID idOf(Object source) {
        return ((ParticipationActivity) source).id();
    }

    private static Optional<Told> told(ParticipationActivity activity) {
        return activity.feedbackGivenOn() == null
                ? Optional.empty()
                // Feedback is kept whole (participation_feedback_whole): with its day, what was said and done.
                : Optional.of(Told.of(
                        ParticipationActivity.TYPE,
                        activity.title(),
                        Objects.requireNonNull(activity.youSaid(), "feedback given says what was said"),
                        Objects.requireNonNull(activity.weDid(), "feedback given says what was done"),
                        activity.startsOn(),
                        activity.feedbackGivenOn()));
    }
}
