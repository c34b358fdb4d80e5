package uk.trustplatform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server names a schema type only through {@code api.SchemaTypes}, so a renamed type is renamed
 * in one place and a misspelt name fails to compile. Class files keep no trace of which constant a
 * string came from, so this reads the sources. The pages ({@code web}) and the export files
 * ({@code exports}) are left out: they are GraphQL clients whose headings and menu words ("Sector",
 * "Outcome", "Guidance") are often the same words as types. A server-side word that only happens to
 * equal a type name says so with {@value #NOT_A_TYPE} on its line.
 */
class SchemaTypeNamesTest {

    static final String NOT_A_TYPE = "// a word, not a type name";
    private static final Path SCHEMA = Path.of("../schema.graphqls");
    private static final Path SOURCES = Path.of("src/main/java/uk/trustplatform");
    private static final Set<String> CLIENT_PACKAGES = Set.of("web", "exports");
    private static final Pattern LITERAL = Pattern.compile("\"(\\w+)\"");

    @Test
    void the_server_names_schema_types_only_through_the_constants() throws IOException {
        Set<String> typeNames = typeNames(Files.readString(SCHEMA));
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(SchemaTypeNamesTest::isServerSource).toList()) {
                found.addAll(
                        literalsNamingTypes(SOURCES.relativize(file).toString(), Files.readString(file), typeNames));
            }
        }

        assertThat(found)
                .as("schema type names written as string literals; use api.SchemaTypes")
                .isEmpty();
    }

    @Test
    void a_literal_naming_a_type_is_found_and_a_marked_word_or_a_longer_string_is_not() {
        Set<String> typeNames = typeNames("type Pledge { id: ID } type Query { pledge: Pledge }");
        String source = """
                return () -> TypeRuntimeWiring.newTypeWiring("Pledge")
                String title = edition.orElse("Pledge"); %s
                String message = "Pledge withdrawn";
                // wires "Query"
                """.formatted(NOT_A_TYPE);

        assertThat(literalsNamingTypes("pledges/PledgeWirings.java", source, typeNames))
                .containsExactly("pledges/PledgeWirings.java:1 \"Pledge\"");
    }

    private static boolean isServerSource(Path file) {
        Path relative = SOURCES.relativize(file);
        return file.toString().endsWith(".java")
                && !file.getFileName().toString().equals("SchemaTypes.java")
                && !CLIENT_PACKAGES.contains(relative.getName(0).toString());
    }

    private static Set<String> typeNames(String sdl) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        Set<String> names = new HashSet<>(registry.types().keySet());
        registry.scalars().keySet().stream()
                .filter(scalar -> !ScalarInfo.isGraphqlSpecifiedScalar(scalar))
                .forEach(names::add);
        return names;
    }

    private static List<String> literalsNamingTypes(String file, String source, Set<String> typeNames) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("//") || line.startsWith("*") || line.startsWith("/*") || line.contains(NOT_A_TYPE)) {
                continue;
            }
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
                if (typeNames.contains(literal.group(1))) {
                    found.add(file + ":" + (i + 1) + " \"" + literal.group(1) + "\"");
                }
            }
        }
        return found;
    }
}
