package uk.trustplatform.configuration;

import static uk.trustplatform.configuration.Lists.orEmpty;

import java.util.List;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * What every partner's action plan for a period is made from: sections (usually one per standard)
 * holding numbered outcomes, and the tenant's own columns (Cambridgeshire: outcome, supporting
 * actions, lead responsibilities, timescales/resources, risks identified).
 */
public record ActionPlanTemplateContent(
        String title,
        @Nullable Integer periodStart,
        @Nullable Integer periodEnd,
        String framework,
        List<Column> columns,
        List<Section> sections)
        implements DocumentContent {

    public ActionPlanTemplateContent {
        columns = orEmpty(columns);
        sections = orEmpty(sections);
    }

    public enum ColumnType {
        TEXT,
        LEAD,
        DATE_OR_TIMESCALE,
        RESOURCES,
        RISK,
        STATUS
    }

    public record Column(String key, String label, ColumnType type) {}

    public record Section(String number, String title, String standard, List<TemplateOutcome> outcomes) {
        public Section {
            outcomes = orEmpty(outcomes);
        }
    }

    public record TemplateOutcome(String number, String text) {}

    @Override
    public List<UserError> problems(Problems at, Standards standards) {
        at.text("title", title);
        at.period(periodStart, periodEnd);
        if (columns.isEmpty()) {
            at.add(Code.REQUIRED, "columns", "a template needs at least one column.");
        }
        if (sections.isEmpty()) {
            at.add(Code.REQUIRED, "sections", "a template needs at least one section.");
        }
        at.unique("columns", columns.stream().map(Column::key).toList(), "key");
        for (int i = 0; i < columns.size(); i++) {
            at.in("columns", i).text("key", columns.get(i).key());
            at.in("columns", i).text("label", columns.get(i).label());
            if (columns.get(i).type() == null) {
                at.in("columns", i).add(Code.REQUIRED, "type", "must be given.");
            }
        }
        if (framework != null) {
            standards.check(at, "framework", framework, null);
        }
        at.unique("sections", sections.stream().map(Section::number).toList(), "number");
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            Problems here = at.in("sections", i);
            here.text("number", section.number());
            here.text("title", section.title());
            if (section.standard() != null) {
                if (framework == null) {
                    here.add(
                            Code.NOT_ALLOWED,
                            "standard",
                            "the template names no framework for its sections to refer to.");
                } else {
                    standards.check(here, "standard", framework, section.standard());
                }
            }
            here.unique(
                    "outcomes",
                    section.outcomes().stream().map(TemplateOutcome::number).toList(),
                    "number");
            for (int o = 0; o < section.outcomes().size(); o++) {
                here.in("outcomes", o).text("number", section.outcomes().get(o).number());
                here.in("outcomes", o).text("text", section.outcomes().get(o).text());
            }
        }
        return at.found();
    }
}
