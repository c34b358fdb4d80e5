package uk.trustplatform.selfassessment;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.Caller;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * Finds the standard (or criterion) of a self-assessment that an input names by its numbers, as a
 * partner's system knows them ({@link NamedStandard}). A number the assessment's framework does not have is refused.
 */
@Singleton
final class RatedStandards {

    /** The rated standard found, or null and the problems that kept it from being found. */
    record Found(ReadingSelfAssessments.@Nullable Located located, List<UserError> problems) {

        static Found refused(UserError problem) {
            return new Found(null, List.of(problem));
        }
    }

    private final ReadingSelfAssessments reading;

    RatedStandards(ReadingSelfAssessments reading) {
        this.reading = reading;
    }

    Found find(Caller caller, NamedStandard named) {
        Optional<SelfAssessment> assessment = GlobalId.decode(named.selfAssessmentId(), SelfAssessment.TYPE)
                .flatMap(id -> reading.visible(caller, id));
        if (assessment.isEmpty()) {
            return Found.refused(UserError.notFound("selfAssessmentId", "self-assessment"));
        }
        String standard = named.standard();
        List<SelfAssessmentRating> ofStandard = reading.ratingsOf(assessment.get()).stream()
                .filter(rating -> rating.standard().equals(standard))
                .toList();
        if (ofStandard.isEmpty()) {
            List<String> numbers = reading.ratingsOf(assessment.get()).stream()
                    .map(SelfAssessmentRating::standard)
                    .distinct()
                    .toList();
            return Found.refused(UserError.of(
                    Code.NOT_FOUND,
                    "The standard must be one of the " + assessment.get().framework() + " framework's standards: "
                            + String.join(", ", numbers) + ".",
                    "input",
                    "standard"));
        }
        // A standard without criteria is its own one item, named by the standard's number.
        String criterion = Optional.ofNullable(named.criterion()).orElse(standard);
        return ofStandard.stream()
                .filter(rating -> rating.criterion().equals(criterion))
                .findFirst()
                .map(rating -> new Found(new ReadingSelfAssessments.Located(assessment.get(), rating), List.of()))
                .orElseGet(() -> Found.refused(UserError.of(
                        Code.NOT_FOUND,
                        "The criterion must be one of standard " + standard + "'s criteria: "
                                + String.join(
                                        ", ",
                                        ofStandard.stream()
                                                .map(SelfAssessmentRating::criterion)
                                                .toList())
                                + ".",
                        "input",
                        "criterion")));
    }
}
