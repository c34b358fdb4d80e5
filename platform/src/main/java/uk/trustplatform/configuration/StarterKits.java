package uk.trustplatform.configuration;

import com.fasterxml.jackson.databind.JsonNode;
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
import uk.trustplatform.api.UserError;

/**
 * The platform's read-only starter kits ({@code starter-kits/<code>.yaml} in the jar): the Hear by
 * Right framework and template, the nine-standard safeguarding pledge, the Cambridgeshire charter.
 * Each is checked when the platform starts; a broken kit stops start-up.
 */
@Singleton
final class StarterKits {

    static final List<String> CODES =
            List.of("hear-by-right", "nine-standard-safeguarding-pledge", "cambridgeshire-charter");

    /** A kit as the API shows it. */
    record StarterKit(String code, String name, String description, List<DocumentView> documents) {}

    private final Map<String, ConfigurationSection> sections = new LinkedHashMap<>();
    private final Map<String, StarterKit> kits = new LinkedHashMap<>();

    StarterKits(DocumentCodec codec) {
        YAMLMapper yaml = new YAMLMapper();
        for (String code : CODES) {
            JsonNode kit = load(yaml, code);
            ConfigurationSection section = ConfigurationSection.read(
                            kit.path("configuration"),
                            codec,
                            other -> {
                                throw new IllegalStateException("Kits do not nest");
                            },
                            "starterKit",
                            code)
                    .fromKit(code, List.of("starterKit", code));
            List<UserError> problems = section.withPeriodsFilled().check();
            if (!problems.isEmpty()) {
                throw new IllegalStateException("Starter kit " + code + " is invalid: " + problems);
            }
            sections.put(code, section);
            kits.put(
                    code,
                    new StarterKit(
                            code,
                            kit.path("name").asText(),
                            kit.path("description").asText(),
                            section.withPeriodsFilled().entries().stream()
                                    .map(entry -> shown(code, entry, codec))
                                    .toList()));
        }
    }

    List<StarterKit> all() {
        return List.copyOf(kits.values());
    }

    Optional<ConfigurationSection> section(String code) {
        return Optional.ofNullable(sections.get(code));
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
