package uk.trustplatform.actionplans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.actionplans.PlanAction.ActionStatus;
import uk.trustplatform.actionplans.PlanAction.Rag;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.configuration.ActionPlanTemplateContent;
import uk.trustplatform.configuration.ActionPlanTemplateContent.ColumnType;

/** An action's fields as a caller sent them, trimmed, with the rules each must meet. */
record ActionInput(
        String sectionNumber,
        String outcomeNumber,
        String description,
        String lead,
        LocalDate dueDate,
        String timescale,
        String resources,
        String risks,
        ActionStatus status,
        Rag rag,
        Map<String, String> columnValues) {

    private static final int TEXT_MAX = 4000;
    private static final int SHORT_MAX = 200;

    @SuppressWarnings("unchecked")
    static ActionInput from(Map<String, Object> input) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (Map<String, Object> column : (List<Map<String, Object>>) input.getOrDefault("columnValues", List.of())) {
            columns.put(String.valueOf(column.get("key")), trimmed(column.get("value")));
        }
        Object status = input.get("status");
        Object rag = input.get("rag");
        return new ActionInput(
                trimmed(input.get("sectionNumber")),
                trimmed(input.get("outcomeNumber")),
                trimmed(input.get("description")),
                trimmed(input.get("lead")),
                (LocalDate) input.get("dueDate"),
                trimmed(input.get("timescale")),
                trimmed(input.get("resources")),
                trimmed(input.get("risks")),
                status == null ? ActionStatus.NOT_STARTED : ActionStatus.valueOf(status.toString()),
                rag == null ? null : Rag.valueOf(rag.toString()),
                columns);
    }

    /** Every rule broken, against the plan's template: the outcome must be one of its, the columns its text columns. */
    List<UserError> problems(ActionPlanTemplateContent template, boolean mayBeUnplaced) {
        List<UserError> problems = new ArrayList<>();
        if (description == null) {
            problems.add(UserError.of(Code.REQUIRED, "Say what the action is.", "input", "description"));
        }
        length(problems, "description", description, TEXT_MAX);
        length(problems, "lead", lead, SHORT_MAX);
        length(problems, "timescale", timescale, SHORT_MAX);
        length(problems, "resources", resources, TEXT_MAX);
        length(problems, "risks", risks, TEXT_MAX);
        placementProblem(template, mayBeUnplaced).ifPresent(problems::add);
        List<String> textColumns = template.columns().stream()
                .filter(column -> column.type() == ColumnType.TEXT)
                .map(ActionPlanTemplateContent.Column::key)
                .toList();
        columnValues.forEach((key, value) -> {
            if (!textColumns.contains(key)) {
                problems.add(UserError.of(
                        Code.NOT_FOUND,
                        "The template has no text column '" + key + "'"
                                + (textColumns.isEmpty()
                                        ? "."
                                        : "; its text columns are " + String.join(", ", textColumns) + "."),
                        "input",
                        "columnValues"));
            }
            length(problems, "columnValues", value, TEXT_MAX);
        });
        return problems;
    }

    private Optional<UserError> placementProblem(ActionPlanTemplateContent template, boolean mayBeUnplaced) {
        if (sectionNumber == null && outcomeNumber == null && mayBeUnplaced) {
            return Optional.empty();
        }
        boolean found = template.sections().stream()
                .filter(section -> section.number().equals(sectionNumber))
                .flatMap(section -> section.outcomes().stream())
                .anyMatch(outcome -> outcome.number().equals(outcomeNumber));
        if (found) {
            return Optional.empty();
        }
        return Optional.of(UserError.of(
                Code.NOT_FOUND,
                "The plan's template has no outcome " + outcomeNumber + " in section " + sectionNumber + ".",
                "input",
                "outcomeNumber"));
    }

    /** The action these fields describe, in a plan made from {@code template}. */
    PlanAction asAction(
            UUID id,
            ActionPlan plan,
            ActionPlanTemplateContent template,
            String columnsJson,
            UUID carriedForwardFrom,
            long version) {
        return new PlanAction(
                id,
                plan.tenantId(),
                plan.id(),
                sectionNumber,
                outcomeNumber,
                standardIn(template),
                description,
                lead,
                dueDate,
                timescale,
                resources,
                risks,
                status,
                rag,
                columnsJson,
                carriedForwardFrom,
                version);
    }

    /** The standard the template ties the action's section to, if any. */
    private String standardIn(ActionPlanTemplateContent template) {
        return template.sections().stream()
                .filter(section -> section.number().equals(sectionNumber))
                .map(ActionPlanTemplateContent.Section::standard)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static void length(List<UserError> problems, String field, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(UserError.of(
                    Code.TOO_LONG, "The " + field + " is longer than " + max + " characters.", "input", field));
        }
    }

    private static String trimmed(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
