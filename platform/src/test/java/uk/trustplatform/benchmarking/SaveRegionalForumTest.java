package uk.trustplatform.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.trustplatform.api.InputFields;
import uk.trustplatform.tenancy.Region;

/** The forum a caller asks for, read from the input as graphql-java hands it over, with no database. */
class SaveRegionalForumTest {

    @Test
    void texts_are_trimmed_and_a_blank_name_reads_as_none() {
        SaveRegionalForum forum = SaveRegionalForum.from(input(Map.of(
                "slug", "  north-west ", "name", "   ", "region", "NORTH_WEST", "minimumRecords", 8, "version", 3)));

        assertThat(forum.slug()).isEqualTo("north-west");
        assertThat(forum.name()).isNull();
        assertThat(forum.region()).isEqualTo(Region.NORTH_WEST);
        assertThat(forum.minimumRecords()).isEqualTo(8);
        assertThat(forum.version()).isEqualTo(3);
    }

    @Test
    void defaults_sent_as_null_are_the_schemas_and_a_missing_version_is_a_stale_one() {
        Map<String, Object> sent =
                new HashMap<>(Map.of("slug", "south-east", "name", "South East", "region", "SOUTH_EAST"));
        sent.put("minimumRecords", null);
        sent.put("naming", null);

        SaveRegionalForum forum = SaveRegionalForum.from(input(sent));

        assertThat(forum.minimumRecords()).isEqualTo(SaveRegionalForum.FEWEST_RECORDS);
        assertThat(forum.naming()).isEqualTo(RegionalForum.Naming.NAMED);
        assertThat(forum.version()).isEqualTo(-1);
    }

    private static InputFields input(Map<String, Object> values) {
        return InputFields.of(values);
    }
}
