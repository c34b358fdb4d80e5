package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * A participation strategy for a period (Medway 2011, Cumbria 2011–14, Cambridgeshire
 * 2009–2012): vision, aims, principles, definitions, legal drivers, benefits, an outcome
 * framework whose level names the tenant chooses, participation structures, the implementation
 * plan, barriers and when it is reviewed: a date, or, where that is all a document says, a month
 * or a season ({@code reviewDue}: Cambridgeshire's "reviewed in the autumn of 2011").
 */
public record StrategyContent(
        String title,
        Integer periodStart,
        Integer periodEnd,
        String vision,
        List<String> aims,
        List<Principle> principles,
        List<Definition> definitions,
        List<LegalDriver> legalDrivers,
        List<Benefit> benefits,
        OutcomeFramework outcomeFramework,
        List<ParticipationStructure> participationStructures,
        List<ImplementationPlanRow> implementationPlan,
        List<String> barriers,
        LocalDate reviewDate,
        String reviewDue)
        implements DocumentContent {

    public StrategyContent {
        aims = orEmpty(aims);
        principles = orEmpty(principles);
        definitions = orEmpty(definitions);
        legalDrivers = orEmpty(legalDrivers);
        benefits = orEmpty(benefits);
        participationStructures = orEmpty(participationStructures);
        implementationPlan = orEmpty(implementationPlan);
        barriers = orEmpty(barriers);
    }

    public record Principle(String title, String text) {}

    public record Definition(String term, String meaning) {}

    public record LegalDriver(String name, String summary) {}

    public record Benefit(String audience, String text) {}

    /** A tree of outcomes; {@code levels} names its levels from the top (Cumbria: strategic priority …). */
    public record OutcomeFramework(List<String> levels, List<Outcome> outcomes) {
        public OutcomeFramework {
            levels = orEmpty(levels);
            outcomes = orEmpty(outcomes);
        }
    }

    /** One outcome: {@code level} counts from 1; {@code parent} is the ref of an outcome one level up. */
    public record Outcome(String ref, Integer level, String parent, String text) {}

    public record ParticipationStructure(
            String name,
            String rationale,
            String implementation,
            List<String> responsiblePartners,
            String timescale,
            String meetingFrequency) {
        public ParticipationStructure {
            responsiblePartners = orEmpty(responsiblePartners);
        }
    }

    public record ImplementationPlanRow(String objective, String lead, String completion) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        at.text("title", title);
        at.period(periodStart, periodEnd);
        at.optionalText("vision", vision);
        at.texts("aims", aims);
        at.texts("barriers", barriers);
        at.review(reviewDate, reviewDue);
        for (int i = 0; i < principles.size(); i++) {
            at.in("principles", i).text("text", principles.get(i).text());
        }
        for (int i = 0; i < definitions.size(); i++) {
            at.in("definitions", i).text("term", definitions.get(i).term());
            at.in("definitions", i).text("meaning", definitions.get(i).meaning());
        }
        for (int i = 0; i < legalDrivers.size(); i++) {
            at.in("legalDrivers", i).text("name", legalDrivers.get(i).name());
        }
        for (int i = 0; i < benefits.size(); i++) {
            at.in("benefits", i).text("text", benefits.get(i).text());
        }
        for (int i = 0; i < participationStructures.size(); i++) {
            at.in("participationStructures", i)
                    .text("name", participationStructures.get(i).name());
        }
        for (int i = 0; i < implementationPlan.size(); i++) {
            at.in("implementationPlan", i)
                    .text("objective", implementationPlan.get(i).objective());
        }
        if (outcomeFramework != null) {
            checkOutcomeTree(at.in("outcomeFramework"));
        }
        return at.found();
    }

    /** Every outcome sits one level below its parent, if it has one, and no chain of parents loops. */
    private void checkOutcomeTree(Problems at) {
        List<String> levels = outcomeFramework.levels();
        if (levels.isEmpty()) {
            at.add(Code.REQUIRED, "levels", "name at least one level.");
        }
        at.texts("levels", levels);
        List<Outcome> outcomes = outcomeFramework.outcomes();
        at.unique("outcomes", outcomes.stream().map(Outcome::ref).toList(), "ref");
        Map<String, Integer> levelOf = new HashMap<>();
        outcomes.forEach(outcome -> levelOf.putIfAbsent(outcome.ref(), outcome.level()));
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            Problems here = at.in("outcomes", i);
            here.text("ref", outcome.ref());
            here.text("text", outcome.text());
            if (outcome.level() == null || outcome.level() < 1 || outcome.level() > levels.size()) {
                here.add(
                        Code.NOT_ALLOWED,
                        "level",
                        "must be between 1 and " + levels.size() + ", the number of levels.");
                continue;
            }
            checkParent(here, outcome, levelOf);
        }
        checkForCycles(at, outcomes);
    }

    /**
     * A parent, where given, is one level up. An outcome may have none: Cumbria's framework was a
     * diagram whose links did not all survive, and an unplaced outcome is better than a made-up link.
     */
    private static void checkParent(Problems here, Outcome outcome, Map<String, Integer> levelOf) {
        if (outcome.parent() == null) {
            return;
        }
        Integer parentLevel = levelOf.get(outcome.parent());
        if (parentLevel == null) {
            here.add(Code.NOT_FOUND, "parent", "no outcome has ref " + outcome.parent() + ".");
        } else if (parentLevel != outcome.level() - 1) {
            here.add(Code.NOT_ALLOWED, "parent", outcome.parent() + " is not one level above.");
        }
    }

    /** Follows parents from each outcome; coming back to one already on the path is a cycle. */
    private static void checkForCycles(Problems at, List<Outcome> outcomes) {
        Map<String, String> parentOf = new HashMap<>();
        outcomes.forEach(outcome -> parentOf.putIfAbsent(outcome.ref(), outcome.parent()));
        for (int i = 0; i < outcomes.size(); i++) {
            Set<String> path = new HashSet<>();
            for (String ref = outcomes.get(i).ref(); ref != null; ref = parentOf.get(ref)) {
                if (!path.add(ref)) {
                    at.in("outcomes", i)
                            .add(Code.NOT_ALLOWED, "parent", "the outcomes form a cycle through " + ref + ".");
                    break;
                }
            }
        }
    }
}
