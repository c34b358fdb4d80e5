package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GraphQL response written as the specification gives it: in order, nulls kept, values as JSON. */
class ResultJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ResultJson results = new ResultJson(JSON);

    @Test
    void writes_fields_in_their_order_and_a_null_field_as_null() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("status", "APPROVED");
        plan.put("returnedReason", null);
        plan.put("version", 3);
        plan.put("kiteMark", false);
        plan.put("actions", Arrays.asList(Map.of("id", "QWN0aW9uOjE"), null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("actionPlan", plan);
        data.put("tenant", null);

        assertThat(written(Map.of("data", data)))
                .isEqualTo("{\"data\":{\"actionPlan\":{\"status\":\"APPROVED\",\"returnedReason\":null,\"version\":3,"
                        + "\"kiteMark\":false,\"actions\":[{\"id\":\"QWN0aW9uOjE\"},null]},\"tenant\":null}}");
    }

    @Test
    void escapes_text_and_writes_every_kind_of_number() {
        List<Object> values = new ArrayList<>(List.of("say \"hi\"\n", 7L, 2.5d, new BigDecimal("1.10"), true));

        assertThat(written(values)).isEqualTo("[\"say \\\"hi\\\"\\n\",7,2.5,1.10,true]");
    }

    @Test
    void writes_what_the_mapper_would_for_a_whole_response() throws Exception {
        Map<String, Object> response = Map.of(
                "errors",
                List.of(Map.of(
                        "message",
                        "Query refused.",
                        "extensions",
                        Map.of("code", "LIMIT_EXCEEDED"),
                        "path",
                        List.of())));

        assertThat(JSON.readTree(written(response))).isEqualTo(JSON.readTree(JSON.writeValueAsString(response)));
    }

    private String written(Object body) {
        return new String(results.write(body), StandardCharsets.UTF_8);
    }
}
