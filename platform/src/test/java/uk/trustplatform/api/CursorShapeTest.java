package uk.trustplatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.trustplatform.api.CursorShape.Part;

/** A list's cursors read back as its sort key, and nothing else reads as one. */
class CursorShapeTest {

    private static final CursorShape ACTIVITIES = CursorShape.of("activities", Part.DATE, Part.UUID);
    private static final CursorShape BODIES = CursorShape.of("bodies", Part.TEXT, Part.UUID);
    private static final UUID ID = UUID.fromString("0b7e6d1c-3f55-4f0e-9a3c-4c1f4b8a2d10");

    @Test
    void a_cursor_reads_back_as_the_sort_key_it_was_made_from() {
        CursorShape every = CursorShape.of("every", Part.TEXT, Part.UUID, Part.DATE, Part.TIMESTAMP, Part.INTEGER);
        OffsetDateTime invited = OffsetDateTime.parse("2026-03-01T09:30:00.123456Z");

        String cursor = every.cursor("Board \u00e9 \ud83d\ude00 ,\"]\\", ID, LocalDate.of(2026, 2, 28), invited, -7);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(every.read(cursor))
                .contains(List.of(
                        "Board \u00e9 \ud83d\ude00 ,\"]\\", ID.toString(), "2026-02-28", invited.toString(), "-7"));
    }

    @Test
    void a_cursor_of_another_list_is_not_read_even_of_the_same_shape() {
        CursorShape charters = CursorShape.of("CHARTER", Part.TEXT);
        CursorShape pledges = CursorShape.of("PLEDGE", Part.TEXT);

        assertThat(pledges.read(charters.cursor("luton-charter"))).isEmpty();
        assertThat(BODIES.read(ACTIVITIES.cursor(LocalDate.of(2026, 1, 1), ID))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a cursor",
                "%%%",
                "bm90IGpzb24", // "not json"
                "e30", // {}
                "W10", // []
            })
    void text_that_is_no_cursor_at_all_is_not_read(String text) {
        assertThat(ACTIVITIES.read(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"activities\",\"2026-01-01\"]",
                "[\"activities\",\"2026-01-01\",\"0b7e6d1c-3f55-4f0e-9a3c-4c1f4b8a2d10\",\"x\"]",
                "[\"activities\",\"2026-02-30\",\"0b7e6d1c-3f55-4f0e-9a3c-4c1f4b8a2d10\"]",
                "[\"activities\",\"+99999-01-01\",\"0b7e6d1c-3f55-4f0e-9a3c-4c1f4b8a2d10\"]",
                "[\"activities\",\"2026-01-01\",\"1-1-1-1-1\"]",
                "[\"activities\",\"2026-01-01\",\"0B7E6D1C-3F55-4F0E-9A3C-4C1F4B8A2D10\"]",
                "[\"activities\",\"2026-01-01\",7]",
                "[7,\"2026-01-01\",\"0b7e6d1c-3f55-4f0e-9a3c-4c1f4b8a2d10\"]",
                "{\"activities\":\"2026-01-01\"}",
            })
    void a_cursor_of_the_wrong_shape_or_with_a_part_that_does_not_parse_is_not_read(String json) {
        assertThat(ACTIVITIES.read(encoded(json))).isEmpty();
    }

    @Test
    void text_parts_with_unsafe_characters_and_numbers_out_of_range_are_not_read() {
        CursorShape rounds = CursorShape.of("rounds", Part.INTEGER, Part.TEXT);

        assertThat(rounds.read(encoded("[\"rounds\",\"2147483648\",\"x\"]"))).isEmpty();
        assertThat(rounds.read(encoded("[\"rounds\",\"2025\",\"a\\u0000b\"]"))).isEmpty();
        assertThat(rounds.read(encoded("[\"rounds\",\"2025\",\"\\ud800\"]"))).isEmpty();
        assertThat(rounds.read(encoded("[\"rounds\",\"2025\",\"fine\"]"))).contains(List.of("2025", "fine"));
    }

    @Test
    void an_oversized_argument_is_not_decoded() {
        assertThat(BODIES.read(BODIES.cursor("x".repeat(5000), ID))).isEmpty();
    }

    @Test
    void a_cursor_is_made_only_from_a_key_of_the_shapes_types() {
        assertThatThrownBy(() -> ACTIVITIES.cursor("2026-01-01", ID)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ACTIVITIES.cursor(LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
