package uk.trustplatform.youthforums;

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
 * A youth forum's recommendation as a feedback code's subject, once answered: the forum's members
 * read what they recommended, to whom, the reply ("you said, we did") and its date, and whether it
 * was accepted, partly accepted or not and why. Its code is kept by whoever answers it: a tenant
 * admin, and for one addressed to a partner that partner's lead, so the person who gave the
 * answer is the one who can give the forum the code to read it.
 */
@Singleton
final class RecommendationFeedbackSubject implements FeedbackSubject {

    private static final String IN_PERIOD = "SELECT id FROM youth_forum_recommendation WHERE tenant_id = ?"
            + " AND made_on BETWEEN ? AND ?"
            + " AND (? OR ARRAY[addressed_to_id, recorded_by_id] && ?)";

    private static final String REPLY_WHOLE =
            "a recommendation answered has its reply whole (recommendation_reply_whole)";

    private final ReadingRecommendations reading;
    private final Recommendations recommendations;
    private final KeepingRecommendations keeping;
    private final PartnerDirectory partners;
    private final JdbcOperations jdbc;

    RecommendationFeedbackSubject(
            ReadingRecommendations reading,
            Recommendations recommendations,
            KeepingRecommendations keeping,
            PartnerDirectory partners,
            JdbcOperations jdbc) {
        this.reading = reading;
        this.recommendations = recommendations;
        this.keeping = keeping;
        this.partners = partners;
        this.jdbc = jdbc;
    }

    @Override
    public String type() {
        return Recommendation.TYPE;
    }

    @Override
    public String noun() {
        return "recommendation";
    }

    @Override
    public String notToldYet() {
        return "Answer the recommendation first: the code shows the forum what was done about it.";
    }

    @Override
    public Optional<Subject> visible(Caller caller, UUID id) {
        return reading.visible(caller, id)
                .map(recommendation -> new Subject(keeping.answers(caller, recommendation), told(recommendation)));
    }

    @Override
    public Optional<Told> told(UUID id) {
        return recommendations.findById(id).flatMap(this::told);
    }

    /** The recommendations made on the period's days that the caller reads. */
    @Override
    public List<UUID> summarised(Caller caller, LocalDate from, LocalDate to) {
        return SubjectIds.inPeriod(jdbc, IN_PERIOD, caller.requireTenant(), from, to, partners.scope(caller));
    }

    @Override
    public UUID idOf(Object source) {
        return ((Recommendation) source).id();
    }

    private Optional<Told> told(Recommendation recommendation) {
        if (!recommendation.answered()) {
            return Optional.empty();
        }
        // A partner's name is public (its pledge register); read whoever holds the code.
        UUID partner = recommendation.addressedToId();
        String addressedTo = partner == null
                ? null
                : Objects.requireNonNull(
                                partners.published(List.of(partner)).get(partner),
                                "the partner a recommendation is addressed to is kept by its foreign key")
                        .name();
        return Optional.of(Told.of(
                        Recommendation.TYPE,
                        "The " + recommendation.forum() + "'s recommendation",
                        recommendation.recommendation(),
                        Objects.requireNonNull(recommendation.reply(), REPLY_WHOLE),
                        recommendation.madeOn(),
                        Objects.requireNonNull(recommendation.repliedOn(), REPLY_WHOLE))
                .withOutcome(
                        addressedTo,
                        Objects.requireNonNull(recommendation.outcome(), REPLY_WHOLE)
                                .name(),
                        recommendation.outcomeReason()));
    }
}
