package uk.trustplatform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.trustplatform.web.TemplateColumns.Column;

/** Which of an action's fields each of a template's own columns shows. */
class TemplateColumnsTest {

    /** Cambridgeshire's 2009–2010 template, as its definition in tenants/ gives it. */
    private static final TemplateColumns CAMBRIDGESHIRE = new TemplateColumns(List.of(
            new Column("outcomes", "Outcomes", "TEXT"),
            new Column("supportingActions", "Supporting actions", "TEXT"),
            new Column("leadResponsibilities", "Lead responsibilities", "LEAD"),
            new Column("timeScalesResources", "Time scales / resources", "DATE_OR_TIMESCALE"),
            new Column("risksIdentified", "Risks identified", "RISK")));

    @Test
    void cambridgeshires_columns_are_the_outcome_what_will_be_done_its_lead_when_with_resources_and_risks() {
        assertThat(CAMBRIDGESHIRE.outcomeLabel()).isEqualTo("Outcomes");
        assertThat(CAMBRIDGESHIRE.descriptionLabel()).isEqualTo("Supporting actions");
        assertThat(CAMBRIDGESHIRE.others()).isEmpty();
        assertThat(CAMBRIDGESHIRE.leadLabel()).isEqualTo("Lead responsibilities");
        assertThat(CAMBRIDGESHIRE.whenLabel()).isEqualTo("Time scales / resources");
        assertThat(CAMBRIDGESHIRE.resourcesWithWhen()).isTrue();
        assertThat(CAMBRIDGESHIRE.risksLabel()).isEqualTo("Risks identified");
        assertThat(CAMBRIDGESHIRE.table())
                .extracting(Column::label)
                .containsExactly(
                        "Supporting actions",
                        "Lead responsibilities",
                        "Time scales / resources",
                        "Risks identified",
                        "Status");
    }

    @Test
    void a_template_with_a_single_text_column_has_it_as_what_will_be_done_and_plain_words_for_the_rest() {
        TemplateColumns medwayPlan = new TemplateColumns(List.of(
                new Column("objective", "Objective", "TEXT"),
                new Column("lead", "Lead", "LEAD"),
                new Column("notes", "Notes", "RESOURCES")));

        assertThat(medwayPlan.outcome()).isNull();
        assertThat(medwayPlan.outcomeLabel()).isEqualTo("Outcome");
        assertThat(medwayPlan.descriptionLabel()).isEqualTo("Objective");
        assertThat(medwayPlan.resourcesWithWhen()).isFalse();
        assertThat(medwayPlan.table())
                .extracting(Column::label)
                .containsExactly("Objective", "Lead", "Notes", "Due date or timescale", "Risks identified", "Status");
    }

    @Test
    void further_text_columns_are_the_actions_column_values_and_no_text_column_at_all_still_asks_what_will_be_done() {
        TemplateColumns more = new TemplateColumns(List.of(
                new Column("outcome", "Outcome", "TEXT"),
                new Column("action", "Action", "TEXT"),
                new Column("evidence", "Evidence of impact", "TEXT")));
        TemplateColumns none = new TemplateColumns(List.of(new Column("who", "Who", "LEAD")));

        assertThat(more.others()).extracting(Column::key).containsExactly("evidence");
        assertThat(none.descriptionLabel()).isEqualTo("What will be done");
        assertThat(none.table().getFirst().label()).isEqualTo("What will be done");
        assertThat(none.isDescription(none.table().getFirst())).isTrue();
    }
}
