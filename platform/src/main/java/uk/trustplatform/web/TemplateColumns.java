package uk.trustplatform.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An action-plan template's own columns, and which of an action's fields each shows. The seeds'
 * templates (Cambridgeshire's: Outcomes, Supporting actions, Lead responsibilities, Time scales /
 * resources, Risks identified) begin with the outcome, so where a template has two or more text
 * columns its first is the outcome each row answers and its second what will be done (the action's
 * description); any further text column is one of the action's column values. LEAD is its lead,
 * DATE_OR_TIMESCALE its due date or timescale (and its resources, when the template has no
 * RESOURCES column, as Cambridgeshire's "Time scales / resources"), RESOURCES its resources, RISK
 * its risks and STATUS its status and RAG. Questions the template has no column for keep plain
 * words.
 */
public record TemplateColumns(List<Column> columns) {

    public record Column(String key, String label, String type) {}

    /** What will be done, for a template without a text column of its own for it. */
    private static final Column WHAT = new Column("description", "What will be done", "TEXT");

    public TemplateColumns {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    private List<Column> text() {
        return columns.stream().filter(column -> "TEXT".equals(column.type())).toList();
    }

    /** The column naming the outcome a row answers, if the template has one. */
    public @Nullable Column outcome() {
        List<Column> text = text();
        return text.size() >= 2 ? text.getFirst() : null;
    }

    /** The column of what will be done, if the template has one. */
    public @Nullable Column description() {
        List<Column> text = text();
        return text.isEmpty() ? null : text.get(text.size() >= 2 ? 1 : 0);
    }

    /** Text columns whose values the action keeps by key. */
    public List<Column> others() {
        List<Column> text = text();
        return text.size() <= 2 ? List.of() : text.subList(2, text.size());
    }

    public String outcomeLabel() {
        return outcome() == null ? "Outcome" : outcome().label();
    }

    public String descriptionLabel() {
        return description() == null ? "What will be done" : description().label();
    }

    public String leadLabel() {
        return labelOf("LEAD", "Lead");
    }

    /** The due date and timescale's column: "Time scales / resources". */
    public String whenLabel() {
        return labelOf("DATE_OR_TIMESCALE", "Due date or timescale");
    }

    public String resourcesLabel() {
        return labelOf("RESOURCES", "Resources");
    }

    public String risksLabel() {
        return labelOf("RISK", "Risks identified");
    }

    public String statusLabel() {
        return labelOf("STATUS", "Status");
    }

    /** Whether resources are shown in the due date's column, the template having none of their own. */
    public boolean resourcesWithWhen() {
        return has("DATE_OR_TIMESCALE") && !has("RESOURCES");
    }

    /**
     * The plan's table: the template's columns after the outcome, in its order, then the
     * questions it has no column for (resources, risks, status), so that nothing an action says
     * is hidden.
     */
    public List<Column> table() {
        List<Column> shown = new ArrayList<>(columns);
        shown.remove(outcome());
        if (description() == null) {
            shown.addFirst(WHAT);
        }
        if (!has("LEAD")) {
            shown.add(new Column("lead", "Lead", "LEAD"));
        }
        if (!has("DATE_OR_TIMESCALE")) {
            shown.add(new Column("when", "Due date or timescale", "DATE_OR_TIMESCALE"));
        }
        if (!has("RESOURCES") && !has("DATE_OR_TIMESCALE")) {
            shown.add(new Column("resources", "Resources", "RESOURCES"));
        }
        if (!has("RISK")) {
            shown.add(new Column("risks", "Risks identified", "RISK"));
        }
        if (!has("STATUS")) {
            shown.add(new Column("status", "Status", "STATUS"));
        }
        return List.copyOf(shown);
    }

    /** Whether a text column is the action's description (else one of its column values). */
    public boolean isDescription(Column column) {
        return column.equals(description()) || column.equals(WHAT);
    }

    private boolean has(String type) {
        return columns.stream().anyMatch(column -> type.equals(column.type()));
    }

    private String labelOf(String type, String otherwise) {
        return columns.stream()
                .filter(column -> type.equals(column.type()))
                .map(Column::label)
                .findFirst()
                .orElse(otherwise);
    }
}
