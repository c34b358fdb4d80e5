package uk.trustplatform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.trustplatform.api.UserError;

/** Reading tenant definitions: the repository's own, and every kind of bad one. */
@MicronautTest(transactional = false)
class TenantDefinitionFoldersIT {

    @Inject
    TenantDefinitions definitions;

    @Inject
    TenantDefinitionFolders folders;

    @Test
    void every_definition_in_the_repository_is_valid() {
        List<TenantDefinitionFolders.Folder> read = folders.readAll(Path.of("../tenants"));

        assertThat(read)
                .extracting(folder -> folder.path().getFileName().toString())
                .containsExactly("cambridgeshire", "cumbria", "kent", "luton", "medway");
        for (TenantDefinitionFolders.Folder folder : read) {
            assertThat(folder.problems()).as(folder.path().toString()).isEmpty();
        }
        TenantDefinition cumbria = read.get(1).definition();
        assertThat(cumbria.councils())
                .extracting(TenantDefinition.CouncilDefinition::predecessorGssCode)
                .containsExactly(null, "E10000006", "E10000006");
    }

    @Test
    void a_folder_named_otherwise_than_its_slug_and_a_slug_defined_twice_are_refused(@TempDir Path tenants)
            throws IOException {
        write(tenants, "medway", definition("medway"));
        write(tenants, "medway-copy", definition("medway"));

        List<TenantDefinitionFolders.Folder> read = folders.readAll(tenants);

        assertThat(read.get(0).problems()).isEmpty();
        assertThat(read.get(1).problems())
                .extracting(UserError::message)
                .containsExactlyInAnyOrder(
                        "slug: medway differs from its folder's name medway-copy.",
                        "slug: medway is already defined in " + tenants.resolve("medway") + ".");
        assertThat(read.get(1).definition()).isNull();
    }

    @Test
    void yaml_that_does_not_parse_is_reported_with_its_line() {
        TenantDefinitions.Reading reading = definitions.read("slug: medway\nname: [unclosed\n");

        assertThat(reading.valid()).isFalse();
        assertThat(reading.problems())
                .singleElement()
                .satisfies(problem ->
                        assertThat(problem.message()).startsWith("The definition is not valid YAML at line"));
    }

    /** The definition is one text argument; YAML's escapes inside it would otherwise put a NUL in the database. */
    @Test
    void control_characters_written_as_yaml_escapes_are_refused_with_their_paths() {
        String escaped = definition("kent")
                .replace("name: kent partnership", "name: \"Kent\\0partnership\"")
                .replace("name: Kent County Council", "name: \"Kent\\x07County Council\"");

        TenantDefinitions.Reading reading = definitions.read(escaped);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.problems())
                .extracting(problem -> problem.field() + " " + problem.code() + " " + problem.message())
                .containsExactly(
                        "[definition, name] INVALID_FORMAT name: contains a control character (U+0000); text may hold"
                                + " tabs and line breaks, but no other control characters and no unpaired surrogates.",
                        "[definition, councils, 0, name] INVALID_FORMAT councils.0.name: contains a control character"
                                + " (U+0007); text may hold tabs and line breaks, but no other control characters and no"
                                + " unpaired surrogates.");
    }

    @Test
    void councils_twice_and_dates_out_of_order_are_refused_with_their_paths() {
        String twice = definition("kent")
                + "  - gssCode: E10000016\n    name: Kent again\n    validFrom: 2020-01-01\n    validTo: 2019-01-01\n";

        TenantDefinitions.Reading reading = definitions.read(twice);

        assertThat(reading.problems())
                .extracting(UserError::field)
                .containsExactlyInAnyOrder(
                        List.of("definition", "councils", "1", "gssCode"),
                        List.of("definition", "councils", "1", "validTo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pledges", "accessibility", "sign-in", "assets", "operator"})
    void a_slug_that_is_one_of_the_platforms_own_addresses_is_refused(String slug) {
        String reserved = definition(slug);

        TenantDefinitions.Reading reading = definitions.read(reserved);

        assertThat(reading.problems()).extracting(UserError::field).containsExactly(List.of("definition", "slug"));
        assertThat(reading.problems().getFirst().message()).contains("one of the platform's own addresses");
    }

    @Test
    void a_malformed_gss_code_and_a_missing_admin_name_each_name_their_path() {
        String bad = definition("luton").replace("E10000016", "E1000001").replace("  firstName: Trust\n", "");

        TenantDefinitions.Reading reading = definitions.read(bad);

        assertThat(reading.problems())
                .extracting(UserError::field)
                .containsExactlyInAnyOrder(
                        List.of("definition", "councils", "0", "gssCode"), List.of("definition", "admin", "firstName"));
        assertThat(reading.problems())
                .extracting(problem -> problem.code().name())
                .containsExactlyInAnyOrder("INVALID_FORMAT", "REQUIRED");
    }

    @Test
    void guidance_whose_key_is_used_twice_or_whose_review_date_is_no_day_is_refused_with_its_path() {
        String twice = definition("kent") + """
                configuration:
                  guidance:
                    - key: online-code-of-conduct
                      title: Online Code of Conduct
                      source: Appendix 3
                      sections: [{ heading: Code of Conduct, body: [{ items: [Be careful online.] }] }]
                    - key: online-code-of-conduct
                      title: Online Code of Conduct again
                      source: Appendix 3
                      sections: [{ heading: Code of Conduct, body: [{ paragraph: Be careful online. }] }]
                    - key: lone-working
                      title: Lone working
                      source: Appendix 1
                      reviewDate: 2012-02-30
                      sections: [{ heading: Lone working, body: [{ paragraph: Tell your manager. }] }]
                """;

        TenantDefinitions.Reading reading = definitions.read(twice);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.problems())
                .extracting(problem -> problem.field() + " " + problem.code())
                .containsExactlyInAnyOrder(
                        "[definition, configuration, guidance, 1] NOT_ALLOWED",
                        "[definition, configuration, guidance, 2, reviewDate] INVALID_FORMAT");
        assertThat(reading.problems())
                .extracting(UserError::message)
                .containsExactlyInAnyOrder(
                        "configuration.guidance.1: defines online-code-of-conduct a second time (perhaps also from"
                                + " a starter kit).",
                        "configuration.guidance.2.reviewDate: 2012-02-30 is not a day; write a real date as YYYY-MM-DD.");
    }

    @Test
    void a_reply_time_or_kite_mark_validity_that_is_no_whole_number_in_range_is_refused_with_its_path() {
        String outOfRange = definition("kent") + """
                configuration:
                  partnership:
                    recommendationReplyDays: 1.5
                    kiteMarkValidMonths: 61
                """;

        TenantDefinitions.Reading reading = definitions.read(outOfRange);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.problems())
                .extracting(problem -> String.join(".", problem.field()))
                .containsExactlyInAnyOrder(
                        "definition.configuration.partnership.recommendationReplyDays",
                        "definition.configuration.partnership.kiteMarkValidMonths");
    }

    @Test
    void a_guidance_block_that_is_both_a_paragraph_and_a_list_is_refused_by_the_schema_with_its_path() {
        String both = definition("kent") + """
                configuration:
                  guidance:
                    - key: online-code-of-conduct
                      title: Online Code of Conduct
                      source: Appendix 3
                      sections:
                        - heading: Code of Conduct
                          body: [{ paragraph: Be careful online., items: [Decline friend requests.] }]
                """;

        TenantDefinitions.Reading reading = definitions.read(both);

        assertThat(reading.valid()).isFalse();
        assertThat(reading.problems())
                .extracting(UserError::field)
                .contains(List.of("definition", "configuration", "guidance", "0", "sections", "0", "body", "0"));
    }

    private static String definition(String slug) {
        return """
                slug: %s
                name: %s partnership
                kind: STRATEGIC_PARTNERSHIP
                region: SOUTH_EAST
                admin:
                  email: admin@%s.example
                  firstName: Trust
                  lastName: Admin
                councils:
                  - gssCode: E10000016
                    name: Kent County Council
                """.formatted(slug, slug, slug);
    }

    private static void write(Path tenants, String folder, String yaml) throws IOException {
        Files.createDirectories(tenants.resolve(folder));
        Files.writeString(tenants.resolve(folder).resolve("tenant.yaml"), yaml);
    }
}
