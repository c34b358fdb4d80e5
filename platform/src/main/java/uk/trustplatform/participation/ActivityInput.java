package uk.trustplatform.participation;

import static uk.trustplatform.api.Inputs.code;
import static uk.trustplatform.api.Inputs.optional;
import static uk.trustplatform.api.Inputs.required;
import static uk.trustplatform.api.Inputs.trimmed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.configuration.VocabulariesContent;
import uk.trustplatform.participation.ParticipationActivity.DecisionStage;
import uk.trustplatform.participation.ParticipationActivity.HearByRightStage;

/** An activity's details as a caller sent them, trimmed, with the rules each must meet. */
record ActivityInput(
        @Nullable String title,
        @Nullable String purpose,
        @Nullable String decisionInformed,
        @Nullable DecisionStage decisionStage,
        @Nullable LocalDate decisionDueOn,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        List<String> ageBands,
        List<String> audienceGroups,
        List<String> methods,
        @Nullable Integer participants,
        @Nullable Integer ladderRung,
        @Nullable HearByRightStage hearByRightStage,
        @Nullable LocalDate feedbackDueOn) {

    private static final int SHORT_MAX = 200;
    private static final int TEXT_MAX = 4000;

    static ActivityInput from(InputFields input) {
        LocalDate startsOn = input.date("startsOn");
        LocalDate endsOn = input.date("endsOn");
        String stage = input.string("hearByRightStage");
        String decisionStage = input.string("decisionStage");
        return new ActivityInput(
                trimmed(input.string("title")),
                trimmed(input.string("purpose")),
                trimmed(input.string("decisionInformed")),
                decisionStage == null ? null : DecisionStage.valueOf(decisionStage),
                input.date("decisionDueOn"),
                startsOn,
                endsOn == null ? startsOn : endsOn,
                texts(input.strings("ageBands")),
                texts(input.strings("audienceGroups")),
                texts(input.strings("methods")),
                input.integer("participants"),
                input.integer("ladderRung"),
                stage == null ? null : HearByRightStage.valueOf(stage),
                input.date("feedbackDueOn"));
    }

    /** Every rule broken, against the terms in force (the tenant's vocabularies, the platform's where it has none). */
    List<UserError> problems(VocabulariesContent vocabularies) {
        List<UserError> problems = new ArrayList<>();
        required(problems, "title", title, SHORT_MAX, "Give the activity a title.");
        required(problems, "purpose", purpose, TEXT_MAX, "Say what the activity is for.");
        optional(problems, "decisionInformed", decisionInformed, TEXT_MAX);
        if (startsOn == null) {
            problems.add(UserError.of(Code.REQUIRED, "Give the date the activity starts.", "input", "startsOn"));
        } else if (endsOn != null && endsOn.isBefore(startsOn)) {
            problems.add(UserError.of(Code.NOT_ALLOWED, "The activity ends before it starts.", "input", "endsOn"));
        }
        if (decisionDueOn != null && startsOn != null && decisionDueOn.isBefore(startsOn)) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "The decision it informs must be due on or after the day the activity starts.",
                    "input",
                    "decisionDueOn"));
        }
        if (feedbackDueOn != null && endsOn != null && feedbackDueOn.isBefore(endsOn)) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "Feedback is due on or after the day the activity ends.",
                    "input",
                    "feedbackDueOn"));
        }
        if (ageBands.isEmpty() && audienceGroups.isEmpty()) {
            problems.add(UserError.of(
                    Code.REQUIRED,
                    "Say who the activity is aimed at: an age band, an audience group, or both.",
                    "input",
                    "audienceGroups"));
        }
        allowed(
                problems,
                "ageBands",
                ageBands,
                vocabularies.ageBands().stream()
                        .map(VocabulariesContent.AgeBand::label)
                        .toList(),
                "age bands");
        allowed(problems, "audienceGroups", audienceGroups, codes(vocabularies.audienceGroups()), "audience groups");
        allowed(problems, "methods", methods, codes(vocabularies.participationMethods()), "participation methods");
        if (participants != null && participants < 0) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED, "The number taking part cannot be negative.", "input", "participants"));
        }
        List<Integer> rungs = vocabularies.hartsLadderLevels().stream()
                .map(VocabulariesContent.LadderLevel::rung)
                .toList();
        if (ladderRung != null && !rungs.contains(ladderRung)) {
            problems.add(UserError.of(
                    Code.NOT_FOUND,
                    "Rung " + ladderRung + " is not one of the tenant's ladder of participation: " + rungs + ".",
                    "input",
                    "ladderRung"));
        }
        return problems;
    }

    /** Each value must be one of the vocabulary's; the first that is not is reported. */
    private static void allowed(
            List<UserError> problems, String field, List<String> values, List<String> allowed, String vocabulary) {
        int before = problems.size();
        for (String value : values) {
            code(problems, field, value, allowed, vocabulary);
            if (problems.size() > before) {
                return;
            }
        }
    }

    private static List<String> codes(List<VocabulariesContent.Term> terms) {
        return terms.stream().map(VocabulariesContent.Term::code).toList();
    }

    /** Each value once, in the order given, blanks left out. */
    private static List<String> texts(List<String> values) {
        LinkedHashSet<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            String text = trimmed(value);
            if (text != null) {
                kept.add(text);
            }
        }
        return List.copyOf(kept);
    }
}
