package uk.trustplatform.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;
import uk.trustplatform.testing.TestKeycloak;

/**
 * Every list of the schema pages on with its own cursors and refuses, as BAD_USER_INPUT, an
 * {@code after} it did not issue: garbage, another list's cursor, or its own with a part missing,
 * a part more, a part holding a NUL, or an id that is not one. These once reached PostgreSQL and
 * came back as internal errors.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListCursorsIT implements TestPropertyProvider {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REFUSAL = "Argument 'after' is not a cursor from this list.";

    @Override
    public Map<String, String> getProperties() {
        return TestKeycloak.adminApiProperties();
    }

    @Inject
    EmbeddedServer server;

    private ApiCaller admin;
    private final Map<String, String> cursors = new LinkedHashMap<>();

    @BeforeAll
    void aWorldWithARowInEveryList() {
        World world = World.create(new ApiCaller(server), "cursors");
        admin = world.admin();
        for (String list : lists()) {
            Reply first = page(list, null);
            String cursor =
                    first.data().path(list).path("edges").path(0).path("cursor").asText(null);
            assertThat(cursor)
                    .as("the world has a row in " + list + ": " + first.text())
                    .isNotNull();
            cursors.put(list, cursor);
        }
    }

    static List<String> lists() {
        return ConnectionFields.all();
    }

    @ParameterizedTest
    @MethodSource("lists")
    void a_list_pages_on_from_its_own_cursor(String list) {
        Reply next = page(list, cursors.get(list));

        assertThat(next.status()).as(next.text()).isEqualTo(200);
        assertThat(next.body().has("errors")).as(next.text()).isFalse();
        assertThat(next.data().path(list).path("edges").isArray()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("lists")
    void anything_but_a_cursor_the_list_issued_is_refused_as_bad_user_input(String list) throws IOException {
        // The test knows what CursorShape writes (the list's name and the key's parts, a JSON array in base64url)
        // so that it can spoil one part at a time.
        ArrayNode own = (ArrayNode) JSON.readTree(Base64.getUrlDecoder().decode(cursors.get(list)));
        Map<String, String> spoilt = new LinkedHashMap<>();
        spoilt.put("garbage", "not a cursor at all");
        spoilt.put("empty", "");
        spoilt.put("base64 of no JSON", encoded("hello"));
        spoilt.put("another list's cursor", cursors.get(next(list)));
        spoilt.put("a part fewer", encoded(without(own)));
        spoilt.put("a part more", encoded(own.deepCopy().add("more").toString()));
        for (int part = 1; part < own.size(); part++) {
            ArrayNode nul = own.deepCopy();
            nul.set(part, nul.get(part).asText() + "\u0000");
            spoilt.put("a NUL in part " + part, encoded(nul.toString()));
        }
        if (own.size() > 2) {
            ArrayNode badId = own.deepCopy();
            badId.set(own.size() - 1, "not-a-uuid");
            spoilt.put("an id that is not a uuid", encoded(badId.toString()));
        }

        spoilt.forEach((what, after) -> {
            Reply reply = page(list, after);
            assertThat(reply.status()).as(what + ": " + reply.text()).isEqualTo(400);
            assertThat(reply.errorCode()).as(what).isEqualTo("BAD_USER_INPUT");
            assertThat(reply.firstError().path("message").asText()).as(what).isEqualTo(REFUSAL);
            assertThat(reply.data().path(list).isMissingNode())
                    .as("no page: " + what)
                    .isTrue();
        });
    }

    private Reply page(String list, String after) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("after", after);
        return admin.query(ConnectionFields.oneRow(list), variables);
    }

    private static String next(String list) {
        List<String> lists = lists();
        return lists.get((lists.indexOf(list) + 1) % lists.size());
    }

    private static String without(ArrayNode own) {
        ArrayNode shorter = own.deepCopy();
        shorter.remove(shorter.size() - 1);
        return shorter.toString();
    }

    private static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
