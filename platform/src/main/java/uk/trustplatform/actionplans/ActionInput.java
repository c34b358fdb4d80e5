package uk.trustplatform.actionplans;

import static uk.trustplatform.api.Inputs.optional;
import static uk.trustplatform.api.Inputs.required;
import static uk.trustplatform.api.Inputs.trimmed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.actionplans.PlanAction.ActionStatus;
import uk.trustplatform.actionplans.PlanAction.Rag;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;
import uk.trustplatform.configuration.ActionPlanTemplateContent;
import uk.trustplatform.configuration.ActionPlanTemplateContent.ColumnType;

/** An action's fields as a caller sent them, trimmed, with the rules each must meet. */
public record ActionInput(
        @Nullable String sectionNumber,
        @Nullable String outcomeNumber,
        @Nullable String description,
        @Nullable String lead,
        @Nullable LocalDate dueDate,
        @Nullable String timescale,
        @Nullable String resources,
        @Nullable String risks,
        ActionStatus status,
        @Nullable Rag rag,
        Map<String, String> columnValues) {

    private static final int TEXT_MAX = 4000;
    private static final int SHORT_MAX = 200;

    /** The fields of SaveActionInput (or an input that describes an action the same way) as sent. */
    public static ActionInput from(InputFields input) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (InputFields column : input.objects("columnValues")) {
            // A column sent blank (an empty box on the plan's page) has no value: it is left out,
            // as ColumnValue.value is never null.
            String value = trimmed(column.string("value"));
            if (value != null) {
                columns.put(column.requiredString("key"), value);
            }
        }
        String status = input.string("status");
        String rag = input.string("rag");
        return new ActionInput(
                trimmed(input.string("sectionNumber")),
                trimmed(input.string("outcomeNumber")),
                trimmed(input.string("description")),
                trimmed(input.string("lead")),
                input.date("dueDate"),
                trimmed(input.string("timescale")),
                trimmed(input.string("resources")),
                trimmed(input.string("risks")),
                status == null ? ActionStatus.NOT_STARTED : ActionStatus.valueOf(status),
                rag == null ? null : Rag.valueOf(rag),
                columns);
    }

    /** Every rule broken, against the plan's template: the outcome must be one of its, the columns its text columns. */
    List<UserError> problems(ActionPlanTemplateContent template, boolean mayBeUnplaced) {
        List<UserError> problems = new ArrayList<>();
        required(problems, "description", description, TEXT_MAX, "Say what the action is.");
        optional(problems, "lead", lead, SHORT_MAX);
        optional(problems, "timescale", timescale, SHORT_MAX);
        optional(problems, "resources", resources, TEXT_MAX);
        optional(problems, "risks", risks, TEXT_MAX);
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
            optional(problems, "columnValues", value, TEXT_MAX);
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
            @Nullable UUID carriedForwardFrom,
            long version) {
        return new PlanAction(
                id,
                plan.tenantId(),
                plan.id(),
                sectionNumber,
                outcomeNumber,
                standardIn(template),
                Objects.requireNonNull(description, "the check refuses an action without a description"),
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
    private @Nullable String standardIn(ActionPlanTemplateContent template) {
        return template.sections().stream()
                .filter(section -> section.number().equals(sectionNumber))
                .map(ActionPlanTemplateContent.Section::standard)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }
}
