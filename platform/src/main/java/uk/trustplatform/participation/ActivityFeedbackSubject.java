package uk.trustplatform.participation;

import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.Caller;
import uk.trustplatform.feedback.FeedbackSubject;
import uk.trustplatform.partners.PartnerDirectory;

/**
 * A participation activity as a feedback code's subject: what its participants were told is its
 * "you said, we did"; its code is kept by whoever keeps its register entry.
 */
@Singleton
final class ActivityFeedbackSubject implements FeedbackSubject {

    private final ReadingParticipationRegister reading;
    private final ParticipationActivities activities;
    private final PartnerDirectory partners;

    ActivityFeedbackSubject(
            ReadingParticipationRegister reading, ParticipationActivities activities, PartnerDirectory partners) {
        this.reading = reading;
        this.activities = activities;
        this.partners = partners;
    }

    @Override
    public String type() {
        return ParticipationActivity.TYPE;
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

    @Override
    public UUID idOf(Object source) {
        return ((ParticipationActivity) source).id();
    }

    private static Optional<Told> told(ParticipationActivity activity) {
        return activity.feedbackGivenOn() == null
                ? Optional.empty()
                : Optional.of(
                        new Told(activity.title(), activity.youSaid(), activity.weDid(), activity.feedbackGivenOn()));
    }
}
