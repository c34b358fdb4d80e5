package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A partnership's published participation strategy, for anyone: the newest, or the one of the
 * period asked for ({@code ?period=2009-2012}), with the list of every one it has published.
 */
@Controller("/{tenant}/strategy")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class StrategyPages {

    private static final Comparator<Strategy> NEWEST_FIRST = Comparator.comparingInt(Strategy::periodStart)
            .thenComparingInt(Strategy::periodEnd)
            .reversed();

    private final PartnershipPublications publications;
    private final PageTemplates templates;

    StrategyPages(PartnershipPublications publications, PageTemplates templates) {
        this.publications = publications;
        this.templates = templates;
    }

    /**
     * @param partnershipName whose strategy it is
     * @param shown the strategy on the page; null when the partnership has published none
     * @param strategies every published strategy, newest first, for the list of them
     */
    public record StrategyPage(
            String slug, String partnershipName, @Nullable Strategy shown, List<Strategy> strategies) {}

    public record Published(List<Strategy> strategies) {}

    public record Strategy(
            String title,
            int periodStart,
            int periodEnd,
            String vision,
            List<String> aims,
            List<Principle> principles,
            List<Definition> definitions,
            List<LegalDriver> legalDrivers,
            List<Benefit> benefits,
            OutcomeFramework outcomeFramework,
            List<Structure> participationStructures,
            List<PlanRow> implementationPlan,
            List<String> barriers,
            String reviewDate,
            String reviewDue) {

        /** When the strategy is reviewed, as exactly as the document says: a day, or a month or season. */
        public String review() {
            return reviewDate != null ? Dates.day(reviewDate) : reviewDue;
        }

        /** As GOV.UK writes a range of years: "2011 to 2014". */
        public String period() {
            return periodStart + " to " + periodEnd;
        }

        /** The period as the page's address names it: {@code 2011-2014}. */
        public String periodKey() {
            return periodStart + "-" + periodEnd;
        }

        /** The benefits under the audience each is for, in the order the strategy gives them. */
        public Map<String, List<String>> benefitsByAudience() {
            Map<String, List<String>> grouped = new LinkedHashMap<>();
            benefits.forEach(benefit -> grouped.computeIfAbsent(
                            Objects.requireNonNullElse(benefit.audience(), ""), audience -> new ArrayList<>())
                    .add(benefit.text()));
            return grouped;
        }
    }

    public record Principle(String title, String text) {}

    public record Definition(String term, String meaning) {}

    public record LegalDriver(String name, String summary) {}

    public record Benefit(String audience, String text) {}

    public record OutcomeFramework(List<String> levels, List<Outcome> outcomes) {

        /** The outcomes as a tree: those of no (known) parent first, each with the outcomes below it. */
        public List<OutcomeNode> tree() {
            List<String> refs = outcomes.stream().map(Outcome::ref).toList();
            return below(null, refs);
        }

        /** The outcomes below {@code parent}; those of no (known) parent for none. */
        private List<OutcomeNode> below(@Nullable String parent, List<String> refs) {
            return outcomes.stream()
                    .filter(outcome -> parent == null
                            ? outcome.parent() == null || !refs.contains(outcome.parent())
                            : parent.equals(outcome.parent()))
                    .map(outcome -> new OutcomeNode(outcome.levelName(), outcome.text(), below(outcome.ref(), refs)))
                    .toList();
        }
    }

    public record Outcome(String ref, int level, String levelName, String parent, String text) {}

    /** An outcome of the framework with the outcomes that contribute to it. */
    public record OutcomeNode(String levelName, String text, List<OutcomeNode> children) {}

    public record Structure(
            String name,
            String rationale,
            String implementation,
            List<String> responsiblePartners,
            String timescale,
            String meetingFrequency) {}

    public record PlanRow(String objective, String lead, String completion) {}

    @Get
    HttpResponse<String> show(String tenant, @Nullable @QueryValue String period, HttpRequest<?> request) {
        return publications.show(tenant, "pages/strategy", Map.of("slug", tenant), request, found -> {
            Published published = found.answer().as("publishedConfiguration", Published.class);
            List<Strategy> strategies = published == null
                    ? List.of()
                    : published.strategies().stream().sorted(NEWEST_FIRST).toList();
            Optional<Strategy> shown = period == null
                    ? strategies.stream().findFirst()
                    : strategies.stream()
                            .filter(strategy -> strategy.periodKey().equals(period))
                            .findFirst();
            if (period != null && shown.isEmpty()) {
                return publications.notFound(found, request);
            }
            String title = shown.map(strategy -> "Participation strategy " + strategy.period())
                    .orElse("Participation strategy");
            return templates.page(
                    "strategy",
                    publications.layout(found, title, request),
                    new StrategyPage(found.slug(), found.partnership().name(), shown.orElse(null), strategies));
        });
    }
}
