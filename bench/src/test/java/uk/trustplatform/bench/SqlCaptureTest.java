package uk.trustplatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The floor's script is the platform's SQL as PostgreSQL logged it, parameters written in, changed
 * only where a replay could not run twice.
 */
class SqlCaptureTest {

    @Test
    void writes_each_logged_parameter_in_as_its_literal() {
        String sql = SqlCapture.literal(
                "SELECT * FROM plan_action WHERE tenant_id = $1 AND id IN ($2, $10) AND note = $3",
                "parameters: $1 = 'a1', $2 = 'it''s', $3 = NULL, $10 = 'ten'");

        assertThat(sql)
                .isEqualTo("SELECT * FROM plan_action WHERE tenant_id = 'a1' AND id IN ('it''s', 'ten')"
                        + " AND note = NULL");
    }

    @Test
    void reads_a_parameter_as_long_as_a_listing_of_hundreds_of_ids() {
        String ids = "{" + "0f58008f-88bb-41f5-ae98-204aac0e5418,".repeat(5000) + "}";

        assertThat(SqlCapture.literal("SELECT $1", "parameters: $1 = '" + ids + "'"))
                .isEqualTo("SELECT '" + ids + "'");
        assertThat(SqlCapture.script(List.of("SELECT '[" + ids + "]'"))).isEqualTo("SELECT '[" + ids + "]';\n");
    }

    @Test
    void leaves_a_statement_without_parameters_as_it_was() {
        assertThat(SqlCapture.literal("BEGIN", "")).isEqualTo("BEGIN");
    }

    @Test
    void an_optimistic_update_replays_on_the_rows_own_version() {
        String script = SqlCapture.script(
                List.of(
                        "UPDATE \"plan_action\" SET \"status\"='COMPLETE',\"version\"='3' WHERE (\"id\" = 'x' AND \"version\" = '2')"));

        assertThat(script)
                .isEqualTo("UPDATE \"plan_action\" SET \"status\"='COMPLETE',\"version\"=\"version\"+1"
                        + " WHERE (\"id\" = 'x' AND \"version\" = \"version\");\n");
    }

    @Test
    void an_audit_row_gets_a_new_id_each_time_and_its_json_no_pgbench_variables() {
        String script = SqlCapture.script(List.of("INSERT INTO audit_event (tenant_id, id, actor, after) VALUES"
                + " ('t', 'captured-id', 'a', CAST('{\"standard\":null,\"version\":2,\"at\":\"10:30\"}' AS jsonb))"));

        assertThat(script)
                .isEqualTo(
                        "INSERT INTO audit_event (tenant_id, id, actor, after) VALUES"
                                + " ('t', gen_random_uuid(), 'a', CAST('{\"standard\": null,\"version\": 2,\"at\":\"10: 30\"}' AS jsonb));\n");
    }

    @Test
    void puts_each_statement_on_one_line() {
        assertThat(SqlCapture.script(List.of("BEGIN", "SELECT 1\n  FROM t\n WHERE x = 'y'", "COMMIT")))
                .isEqualTo("BEGIN;\nSELECT 1 FROM t WHERE x = 'y';\nCOMMIT;\n");
    }
}
