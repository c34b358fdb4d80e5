package uk.trustplatform.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import uk.trustplatform.api.LondonClock;
import uk.trustplatform.api.UserError;

/**
 * The platform's read-only starter kits ({@code starter-kits/<code>.yaml} in the jar): the Hear by
 * Right framework and template, the nine-standard safeguarding pledge, the Cambridgeshire charter.
 * Each is checked when the platform starts; a broken kit stops start-up.
 *
 * <p>A kit is written council-neutral: where the document it came from named its own board, the
 * kit says {@value #PARTNERSHIP}, which becomes the name of the partnership that copies it (and
 * "the partnership" where a kit is only shown). Its {@code origin} credits where it came from.
 */
@Singleton
final class StarterKits {

    static final List<String> CODES =
            List.of("hear-by-right", "nine-standard-safeguarding-pledge", "cambridgeshire-charter");

    /** Where a kit's text names the partnership that copies it. */
    static final String PARTNERSHIP = "{partnership}";

    /** A kit as the API shows it. */
    record StarterKit(String code, String name, String description, String origin, List<DocumentView> documents) {}

    private final DocumentCodec codec;
    private final LondonClock clock;
    private final Map<String, JsonNode> written = new LinkedHashMap<>();
    private final Map<String, StarterKit> kits = new LinkedHashMap<>();

    StarterKits(DocumentCodec codec, LondonClock clock) {
        this.clock = clock;
        this.codec = codec;
        YAMLMapper yaml = new YAMLMapper();
        for (String code : CODES) {
            JsonNode kit = load(yaml, code);
            written.put(code, kit.path("configuration"));
            ConfigurationSection section = section(code, "the partnership").orElseThrow();
            List<UserError> problems = section.withPeriodsFilled(clock.year()).check();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Starter kit " + code + " is invalid: " + problems);
            }
            kits.put(
                    code,
                    new StarterKit(
                            code,
                            kit.path("name").asText(),
                            kit.path("description").asText(),
                            kit.path("origin").asText(),
                            section.withPeriodsFilled(clock.year()).entries().stream()
                                    .map(entry -> shown(code, entry, codec))
                                    .toList()));
        }
    }

    List<StarterKit> all() {
        return List.copyOf(kits.values());
    }

    /** The kit's documents as the given partnership copies them, its name where the kit names the partnership. */
    Optional<ConfigurationSection> section(String code, String partnership) {
        JsonNode configuration = written.get(code);
        if (configuration == null) {
            return Optional.empty();
        }
        return Optional.of(ConfigurationSection.read(
                        naming(configuration.deepCopy(), partnership),
                        codec,
                        other -> {
                            throw new IllegalStateException("Kits do not nest");
                        },
                        "starterKit",
                        code)
                .fromKit(code, List.of("starterKit", code)));
    }

    private static JsonNode naming(JsonNode node, String partnership) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> object.set(field.getKey(), naming(field.getValue(), partnership)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, naming(array.get(i), partnership));
            }
        } else if (node.isTextual()) {
            return TextNode.valueOf(node.asText().replace(PARTNERSHIP, partnership));
        }
        return node;
    }

    /** A kit's document shown as published edition 1, with an id stable across restarts. */
    private static DocumentView shown(String code, ConfigurationSection.Entry entry, DocumentCodec codec) {
        String key = DocumentKeys.of(entry.content(), null);
        UUID id = UUID.nameUUIDFromBytes(
                ("starter-kit:" + code + ":" + entry.kind() + ":" + key).getBytes(StandardCharsets.UTF_8));
        DocumentRecord record = new DocumentRecord(
                id,
                null,
                entry.kind(),
                key,
                1,
                DocumentStatus.PUBLISHED,
                null,
                "starter-kit:" + code,
                entry.content().periodStart(),
                entry.content().periodEnd(),
                codec.write(entry.content()),
                null,
                0);
        return new DocumentView(record, entry.content());
    }

    private static JsonNode load(YAMLMapper yaml, String code) {
        try (InputStream in = StarterKits.class.getResourceAsStream("/starter-kits/" + code + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("Starter kit " + code + " is missing from the jar");
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
