package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * "You said, we did", for children, young people and parents: what the partnership's agencies
 * did about what they were told, activity by activity, newest first.
 */
@Controller("/{tenant}/you-said-we-did")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class YouSaidWeDidPages {

    private final PartnershipPublications publications;
    private final PageTemplates templates;

    YouSaidWeDidPages(PartnershipPublications publications, PageTemplates templates) {
        this.publications = publications;
        this.templates = templates;
    }

    public record YouSaidWeDidPage(
            String partnershipName, List<Feedback> feedback, List<ForumRecommendation> recommendations) {}

    /** A youth forum's recommendation and the answer it got; no child is part of it. */
    public record ForumRecommendation(
            String forum,
            String madeOn,
            String recommendation,
            String addressedTo,
            String reply,
            String repliedOn,
            String outcome,
            String reason) {

        /** Who answered: the board, or the partner it was addressed to. */
        public String answeredBy() {
            return addressedTo == null ? "The board" : addressedTo;
        }

        public String outcomeInWords() {
            return switch (outcome) {
                case "ACCEPTED" -> "Yes";
                case "PARTLY_ACCEPTED" -> "Partly";
                default -> "No";
            };
        }
    }

    public record Feedback(
            String agencyName,
            String title,
            String purpose,
            List<String> ageBands,
            List<String> audienceGroups,
            String startsOn,
            String endsOn,
            String youSaid,
            String weDid,
            String givenOn) {

        /** Whom it was for, in the partnership's own words: "Young people, Young carers". */
        public String forWhom() {
            return String.join(
                    ", ",
                    Stream.concat(ageBands.stream(), audienceGroups.stream()).toList());
        }

        /** "2 June 2025", or "2 June 2025 to 6 June 2025". */
        public String when() {
            return startsOn.equals(endsOn) ? Dates.day(startsOn) : Dates.day(startsOn) + " to " + Dates.day(endsOn);
        }
    }

    @Get
    HttpResponse<String> show(String tenant, HttpRequest<?> request) {
        return publications.show(
                tenant,
                "pages/youSaidWeDid",
                Map.of("slug", tenant),
                request,
                found -> templates.page(
                        "youSaidWeDid",
                        publications.layout(found, "You said, we did", request),
                        new YouSaidWeDidPage(
                                found.partnership().name(),
                                found.answer().list("youSaidWeDid", Feedback.class),
                                found.answer().list("youthForumsSaidWeDid", ForumRecommendation.class))));
    }
}
