package uk.trustplatform.inspections;

import static uk.trustplatform.api.Inputs.optional;
import static uk.trustplatform.api.Inputs.trimmed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.configuration.VocabulariesContent;
import uk.trustplatform.inspections.InspectionLists.Answer;
import uk.trustplatform.inspections.InspectionLists.Recommendation;
import uk.trustplatform.inspections.InspectionLists.YoungInspector;

/**
 * An inspection's details as a caller sent them, trimmed, with the rules each must meet. The young
 * inspectors' names rule: a first or chosen name is one word of letters, with at most a hyphen or
 * an apostrophe between letters (Jo, Mary-Jane, D'Andre), up to 30 characters. A space, a digit,
 * an {@code @} or any other sign is refused, so that a full name, an email address or a phone
 * number cannot be kept by mistake.
 */
record InspectionInput(
        @Nullable String serviceName,
        @Nullable LocalDate inspectedOn,
        List<YoungInspector> inspectors,
        List<Answer> answers,
        @Nullable String findings,
        List<String> recommendations) {

    static final Pattern ONE_NAME = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");
    static final int NAME_MAX = 30;
    private static final int SHORT_MAX = 200;
    private static final int TEXT_MAX = 4000;
    private static final int MOST_INSPECTORS = 30;
    private static final int MOST_RECOMMENDATIONS = 50;

    static InspectionInput from(InputFields input) {
        List<YoungInspector> inspectors = new ArrayList<>();
        for (InputFields inspector : input.objects("inspectors")) {
            inspectors.add(new YoungInspector(trimmed(inspector.string("name")), trimmed(inspector.string("ageBand"))));
        }
        List<Answer> answers = new ArrayList<>();
        for (InputFields answer : input.objects("answers")) {
            answers.add(new Answer(trimmed(answer.string("question")), null, trimmed(answer.string("answer"))));
        }
        List<String> recommendations = new ArrayList<>();
        for (String text : input.strings("recommendations")) {
            Optional.ofNullable(trimmed(text)).ifPresent(recommendations::add);
        }
        return new InspectionInput(
                trimmed(input.string("serviceName")),
                input.date("inspectedOn"),
                inspectors,
                answers,
                trimmed(input.string("findings")),
                recommendations);
    }

    /** The inspection's day, once {@link #problems} has found none. */
    LocalDate checkedDay() {
        return Objects.requireNonNull(inspectedOn, "the check refuses an inspection without its day");
    }

    /** Every rule broken, against the tenant's terms in force (its age bands and inspection questions). */
    List<UserError> problems(VocabulariesContent vocabularies, LocalDate today) {
        List<UserError> problems = new ArrayList<>();
        optional(problems, "serviceName", serviceName, SHORT_MAX);
        if (inspectedOn == null) {
            problems.add(UserError.of(Code.REQUIRED, "Give the date of the inspection.", "input", "inspectedOn"));
        } else if (inspectedOn.isAfter(today)) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "An inspection is recorded once it has taken place: today or earlier.",
                    "input",
                    "inspectedOn"));
        }
        inspectorProblems(problems, vocabularies);
        answerProblems(problems, vocabularies);
        optional(problems, "findings", findings, TEXT_MAX);
        if (recommendations.size() > MOST_RECOMMENDATIONS) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "An inspection has at most " + MOST_RECOMMENDATIONS + " recommendations.",
                    "input",
                    "recommendations"));
        }
        for (int i = 0; i < recommendations.size(); i++) {
            if (recommendations.get(i).length() > TEXT_MAX) {
                problems.add(UserError.of(
                        Code.TOO_LONG,
                        "Recommendation " + (i + 1) + " is longer than " + TEXT_MAX + " characters.",
                        "input",
                        "recommendations",
                        String.valueOf(i)));
            }
        }
        return problems;
    }

    private void inspectorProblems(List<UserError> problems, VocabulariesContent vocabularies) {
        if (inspectors.size() > MOST_INSPECTORS) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "An inspection has at most " + MOST_INSPECTORS + " young inspectors.",
                    "input",
                    "inspectors"));
        }
        List<String> bands = vocabularies.ageBands().stream()
                .map(VocabulariesContent.AgeBand::label)
                .toList();
        for (int i = 0; i < inspectors.size(); i++) {
            YoungInspector inspector = inspectors.get(i);
            String at = String.valueOf(i);
            if (inspector.name() == null) {
                problems.add(UserError.of(
                        Code.REQUIRED,
                        "Give young inspector " + (i + 1) + "'s first name or chosen name.",
                        "input",
                        "inspectors",
                        at,
                        "name"));
            } else if (inspector.name().length() > NAME_MAX
                    || !ONE_NAME.matcher(inspector.name()).matches()) {
                problems.add(UserError.of(
                        Code.INVALID_FORMAT,
                        "Young inspector " + (i + 1) + "'s name must be a first name or chosen name only: one word"
                                + " of letters (a hyphen or apostrophe may join two), up to " + NAME_MAX
                                + " characters, with no surname, email or number.",
                        "input",
                        "inspectors",
                        at,
                        "name"));
            }
            if (inspector.ageBand() == null) {
                problems.add(UserError.of(
                        Code.REQUIRED,
                        "Select young inspector " + (i + 1) + "'s age band.",
                        "input",
                        "inspectors",
                        at,
                        "ageBand"));
            } else if (!bands.contains(inspector.ageBand())) {
                problems.add(UserError.of(
                        Code.NOT_FOUND,
                        "'" + inspector.ageBand() + "' is not one of the tenant's age bands: "
                                + String.join(", ", bands) + ".",
                        "input",
                        "inspectors",
                        at,
                        "ageBand"));
            }
        }
    }

    private void answerProblems(List<UserError> problems, VocabulariesContent vocabularies) {
        List<String> questions = vocabularies.inspectionQuestions().stream()
                .map(VocabulariesContent.Term::code)
                .toList();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = String.valueOf(i);
            if (answer.question() == null || !questions.contains(answer.question())) {
                problems.add(UserError.of(
                        Code.NOT_FOUND,
                        questions.isEmpty()
                                ? "The tenant has defined no inspection questions (vocabularies): record findings instead."
                                : "'" + answer.question() + "' is not one of the tenant's inspection questions: "
                                        + String.join(", ", questions) + ".",
                        "input",
                        "answers",
                        at,
                        "question"));
            } else if (!answered.add(answer.question())) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "Question '" + answer.question() + "' is answered twice: give one answer to each question.",
                        "input",
                        "answers",
                        at,
                        "question"));
            }
            if (answer.answer() == null) {
                problems.add(UserError.of(
                        Code.REQUIRED,
                        "Give the young inspectors' answer, or leave the question out.",
                        "input",
                        "answers",
                        at,
                        "answer"));
            } else if (answer.answer().length() > TEXT_MAX) {
                problems.add(UserError.of(
                        Code.TOO_LONG,
                        "The answer is longer than " + TEXT_MAX + " characters.",
                        "input",
                        "answers",
                        at,
                        "answer"));
            }
        }
    }

    /** The answers with each question's wording as the tenant has it now, in the tenant's order of questions. */
    List<Answer> worded(VocabulariesContent vocabularies) {
        List<Answer> worded = new ArrayList<>();
        for (VocabulariesContent.Term question : vocabularies.inspectionQuestions()) {
            answers.stream()
                    .filter(answer -> question.code().equals(answer.question()))
                    .findFirst()
                    .ifPresent(answer -> worded.add(new Answer(question.code(), question.label(), answer.answer())));
        }
        return worded;
    }

    /** The recommendations numbered from 1, none responded to yet: responses come after the report. */
    List<Recommendation> numbered() {
        List<Recommendation> numbered = new ArrayList<>();
        for (int i = 0; i < recommendations.size(); i++) {
            numbered.add(new Recommendation(i + 1, recommendations.get(i), null, null));
        }
        return numbered;
    }
}
