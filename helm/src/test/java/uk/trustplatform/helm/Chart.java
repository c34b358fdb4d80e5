package uk.trustplatform.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The chart in this folder, rendered by Helm (inside helm-java) with a council's values. */
final class Chart {

    static final Path FOLDER = Path.of("").toAbsolutePath();
    static final Path COUNCIL_VALUES = Path.of("src/test/resources/council-values.yaml");
    /**
     * Helm's template (in helm-java) leaves hooks out, the migration job among them; the tests
     * render a copy whose hook annotations carry this prefix instead of helm.sh, so the job shows
     * with its annotations' values.
     */
    static final String HOOK_PREFIX = "test.trustplatform.uk/";

    private static final ObjectMapper YAML = new YAMLMapper();
    private static final Path HOOKS_SHOWN = showingHooks();

    private Chart() {}

    /** The manifests for the council's values with {@code overrides} set (Helm's --set). */
    static Manifests render(Map<String, Object> overrides) {
        return new Manifests(template(COUNCIL_VALUES, overrides));
    }

    /** Helm's rendered output; throws what Helm refused. */
    static String template(Path values, Map<String, Object> overrides) {
        TemplateCommand template = new Helm(HOOKS_SHOWN)
                .template()
                .withName("trust")
                .withNamespace("trust")
                .withKubeVersion("1.30.0");
        if (values != null) {
            template = template.withValuesFile(values.toAbsolutePath());
        }
        for (Map.Entry<String, Object> set : overrides.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    /** Made once per test run (as the class loads), from the chart as it is now. */
    private static Path showingHooks() {
        try {
            Path copy = Files.createTempDirectory("chart-with-hooks-shown");
            copy(copy);
            try (Stream<Path> templates = Files.list(copy.resolve("templates"))) {
                for (Path template : templates.toList()) {
                    Files.writeString(
                            template, Files.readString(template).replace("helm.sh/hook", HOOK_PREFIX + "hook"));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the chart whose values.yaml is the chart's defaults with the council's values
     * merged in: Helm's lint reads values.yaml only (helm-java has no --values for it).
     */
    static Path copyWithCouncilValues(Path into) throws IOException {
        copy(into);
        ObjectNode values =
                (ObjectNode) YAML.readTree(FOLDER.resolve("values.yaml").toFile());
        merge(values, YAML.readTree(COUNCIL_VALUES.toFile()));
        YAML.writeValue(into.resolve("values.yaml").toFile(), values);
        return into;
    }

    /** The chart's own files (not its Maven module's). */
    private static void copy(Path into) throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER)) {
            for (Path file : files.toList()) {
                Path relative = FOLDER.relativize(file);
                if (relative.startsWith("src")
                        || relative.startsWith("target")
                        || relative.toString().equals("pom.xml")) {
                    continue;
                }
                Path target = into.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        from.properties().forEach(entry -> {
            JsonNode existing = into.get(entry.getKey());
            if (existing instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    /** The objects of one rendering, by kind. */
    record Manifests(List<JsonNode> objects) {

        Manifests(String rendered) {
            this(parse(rendered));
        }

        private static List<JsonNode> parse(String rendered) {
            try {
                List<JsonNode> objects = new ArrayList<>();
                try (var documents =
                        YAML.readerFor(JsonNode.class).with(new YAMLFactory()).<JsonNode>readValues(rendered)) {
                    while (documents.hasNext()) {
                        JsonNode document = documents.next();
                        if (document != null && document.has("kind")) {
                            objects.add(document);
                        }
                    }
                }
                return objects;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        List<String> kinds() {
            return objects.stream().map(o -> o.path("kind").asText()).toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> found = objects.stream()
                    .filter(o -> o.path("kind").asText().equals(kind))
                    .toList();
            if (found.size() != 1) {
                throw new AssertionError("Expected one " + kind + " among " + kinds());
            }
            return found.getFirst();
        }

        /** The environment of the first container of a workload (Deployment or Job). */
        JsonNode env(String kind) {
            return one(kind)
                    .path("spec")
                    .path("template")
                    .path("spec")
                    .path("containers")
                    .path(0)
                    .path("env");
        }

        /** A variable's literal value, or null when it is absent or read from a Secret. */
        static String value(JsonNode env, String name) {
            for (JsonNode variable : env) {
                if (variable.path("name").asText().equals(name)) {
                    return variable.has("value") ? variable.path("value").asText() : null;
                }
            }
            return null;
        }

        static boolean has(JsonNode env, String name) {
            for (JsonNode variable : env) {
                if (variable.path("name").asText().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }
}
