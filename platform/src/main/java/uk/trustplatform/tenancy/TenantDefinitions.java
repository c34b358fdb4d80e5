package uk.trustplatform.tenancy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UnsafeCharacters;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * Reads tenant definitions (YAML) and reports every problem at once, each with its path in the
 * YAML: first the JSON Schema in {@code tenants/tenant.schema.json}, then the rules a schema cannot
 * say (dates in order, no council twice).
 */
@Singleton
public final class TenantDefinitions {

    /** A definition, or everything wrong with it. */
    public record Reading(@Nullable TenantDefinition definition, List<UserError> problems) {

        public boolean valid() {
            return definition != null;
        }
    }

    private static final String ROOT = "definition";
    private final ObjectMapper yaml = YAMLMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final JsonSchema schema;
    private final TenantConfiguration configuration;

    TenantDefinitions(TenantConfiguration configuration) {
        this.configuration = configuration;
        try (InputStream in = TenantDefinitions.class.getResourceAsStream("/tenant.schema.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "tenant.schema.json is not on the classpath; the build copies it from tenants/");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reading read(String text) {
        JsonNode tree;
        try {
            tree = yaml.readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            return refused(UserError.of(
                    Code.INVALID_FORMAT,
                    "The definition is not valid YAML"
                            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                            + e.getOriginalMessage(),
                    ROOT));
        }
        if (tree == null || !tree.isObject()) {
            return refused(UserError.of(Code.REQUIRED, "The definition is empty or not a YAML mapping.", ROOT));
        }
        List<UserError> unsafe = new ArrayList<>();
        unsafeTexts(tree, List.of(ROOT), unsafe);
        if (!unsafe.isEmpty()) {
            return new Reading(null, unsafe);
        }
        List<UserError> problems = new ArrayList<>(schema.validate(tree).stream()
                .sorted(Comparator.comparing(ValidationMessage::getMessage))
                .map(TenantDefinitions::problem)
                .toList());
        if (!problems.isEmpty()) {
            return new Reading(null, problems);
        }
        TenantDefinition definition;
        try {
            definition = yaml.treeToValue(tree, TenantDefinition.class);
        } catch (JsonProcessingException e) {
            return refused(UserError.of(Code.INVALID_FORMAT, e.getOriginalMessage(), ROOT));
        }
        problems.addAll(ruleProblems(definition));
        if (definition.configuration() != null) {
            problems.addAll(configuration.check(definition.configuration()));
        }
        return new Reading(problems.isEmpty() ? definition : null, problems);
    }

    /**
     * The texts in which YAML's escapes ("\0", "\x07") put characters no text may hold, with
     * their paths: the definition arrives as one text argument, checked as a whole before its
     * escapes are read, and the database cannot store a NUL.
     */
    private static void unsafeTexts(JsonNode node, List<String> path, List<UserError> problems) {
        if (node.isTextual()) {
            UnsafeCharacters.firstIn(node.textValue())
                    .ifPresent(found -> problems.add(new UserError(
                            path,
                            String.join(".", path.subList(1, path.size())) + ": contains " + found + "; "
                                    + UnsafeCharacters.RULE + ".",
                            Code.INVALID_FORMAT)));
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                unsafeTexts(node.get(i), append(path, String.valueOf(i)), problems);
            }
            return;
        }
        node.properties().forEach(member -> unsafeTexts(member.getValue(), append(path, member.getKey()), problems));
    }

    private static List<String> append(List<String> path, String step) {
        List<String> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    /**
     * The first part of the platform's own addresses ({@code /accessibility}, {@code /pledges/…}
     * …): a partnership's pages live at {@code /<slug>/…}, so a slug must not be one of them.
     */
    static final Set<String> RESERVED_SLUGS = Set.of(
            "accessibility",
            "assets",
            "choose-partnership",
            "exports",
            "graphiql",
            "graphql",
            "health",
            "operator",
            "pledges",
            "privacy",
            "prometheus",
            "session",
            "sign-in",
            "sign-out",
            "signed-out",
            "webjars");

    private static List<UserError> ruleProblems(TenantDefinition definition) {
        List<UserError> problems = new ArrayList<>();
        if (RESERVED_SLUGS.contains(definition.slug())) {
            problems.add(UserError.of(
                    Code.NOT_ALLOWED,
                    "slug: '" + definition.slug() + "' is one of the platform's own addresses; choose another.",
                    ROOT,
                    "slug"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < definition.councils().size(); i++) {
            var council = definition.councils().get(i);
            String at = String.valueOf(i);
            if (!seen.add(council.gssCode())) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "councils[" + i + "].gssCode: " + council.gssCode() + " is listed twice.",
                        ROOT,
                        "councils",
                        at,
                        "gssCode"));
            }
            if (council.validFrom() != null
                    && council.validTo() != null
                    && council.validTo().isBefore(council.validFrom())) {
                problems.add(UserError.of(
                        Code.NOT_ALLOWED,
                        "councils[" + i + "].validTo: " + council.validTo() + " is before validFrom "
                                + council.validFrom() + ".",
                        ROOT,
                        "councils",
                        at,
                        "validTo"));
            }
        }
        return problems;
    }

    /** A schema violation as a user error whose field is the path in the YAML, e.g. [definition, councils, 0, gssCode]. */
    private static UserError problem(ValidationMessage message) {
        List<String> path = new ArrayList<>();
        path.add(ROOT);
        Stream.of(message.getInstanceLocation()
                        .toString()
                        .replaceFirst("^\\$", "")
                        .split("[/.\\[\\]]+"))
                .filter(segment -> !segment.isEmpty())
                .forEach(path::add);
        if (message.getProperty() != null
                && Set.of("required", "additionalProperties").contains(message.getType())) {
            path.add(message.getProperty());
        }
        String where = String.join(".", path.subList(1, path.size()));
        String detail = message.getMessage().replaceFirst("^[^:]*: ", "");
        Code code = switch (message.getType()) {
            case "required" -> Code.REQUIRED;
            case "maxLength" -> Code.TOO_LONG;
            case "additionalProperties" -> Code.NOT_ALLOWED;
            default -> Code.INVALID_FORMAT;
        };
        return new UserError(List.copyOf(path), (where.isEmpty() ? "definition" : where) + ": " + detail, code);
    }

    private static Reading refused(UserError problem) {
        return new Reading(null, List.of(problem));
    }
}
