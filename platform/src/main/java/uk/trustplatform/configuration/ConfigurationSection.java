package uk.trustplatform.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.UserError;
import uk.trustplatform.api.UserError.Code;

/**
 * The documents a {@code configuration} section (of a tenant definition or a starter kit)
 * defines, in the order they are applied: frameworks first, since the rest refer to them.
 */
record ConfigurationSection(List<Entry> entries, List<UserError> problems) {

    /** One document of the section, where it came from, and its path in the YAML. */
    record Entry(
            DocumentKind kind,
            DocumentContent content,
            @Nullable String basedOn,
            List<String> path) {}

    private static final List<String> ORDER = List.of(
            "standardsFrameworks", "vocabularies", "strategies", "actionPlanTemplate", "charter", "pledge", "guidance");

    /**
     * Reads a section as written; a starter kit's template still lacks its period until
     * {@link #withPeriodsFilled(int)}.
     *
     * @param kits finds a starter kit's section by code, for the {@code starterKits} list
     */
    static ConfigurationSection read(
            JsonNode section, DocumentCodec codec, Function<String, ConfigurationSection> kits, String... path) {
        List<Entry> entries = new ArrayList<>();
        List<UserError> problems = new ArrayList<>();
        for (String part : ORDER) {
            JsonNode node = section.path(part);
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    read(node.get(i), part, codec, entries, problems, append(path, part, String.valueOf(i)));
                }
            } else if (!node.isMissingNode() && !node.isNull()) {
                read(node, part, codec, entries, problems, append(path, part));
            }
        }
        JsonNode starterKits = section.path("starterKits");
        for (int i = 0; i < starterKits.size(); i++) {
            entries.addAll(kits.apply(starterKits.get(i).asText()).entries());
        }
        List<Entry> ordered = entries.stream()
                .sorted((a, b) -> Boolean.compare(
                        a.kind() != DocumentKind.STANDARDS_FRAMEWORK, b.kind() != DocumentKind.STANDARDS_FRAMEWORK))
                .toList();
        return new ConfigurationSection(ordered, problems);
    }

    private static void read(
            JsonNode node,
            String part,
            DocumentCodec codec,
            List<Entry> entries,
            List<UserError> problems,
            List<String> path) {
        DocumentKind kind = switch (part) {
            case "standardsFrameworks" -> DocumentKind.STANDARDS_FRAMEWORK;
            case "vocabularies" -> DocumentKind.VOCABULARIES;
            case "strategies" -> DocumentKind.STRATEGY;
            case "actionPlanTemplate" -> DocumentKind.ACTION_PLAN_TEMPLATE;
            case "charter" -> DocumentKind.CHARTER;
            case "guidance" -> DocumentKind.GUIDANCE;
            default -> DocumentKind.PLEDGE;
        };
        try {
            entries.add(new Entry(kind, codec.from(node, kind.content()), null, path));
        } catch (DocumentCodec.Unreadable value) {
            List<String> at = new ArrayList<>(path);
            at.addAll(value.path());
            problems.add(new UserError(
                    List.copyOf(at),
                    String.join(".", at.subList(1, at.size())) + ": " + value.getMessage(),
                    Code.INVALID_FORMAT));
        } catch (IllegalArgumentException unreadable) {
            problems.add(new UserError(
                    path,
                    String.join(".", path.subList(1, path.size())) + ": " + unreadable.getMessage(),
                    Code.INVALID_FORMAT));
        }
    }

    /**
     * Every problem of every document, checked against the frameworks the section itself defines.
     * What the tenant writes is published, so it may refer only to frameworks it writes too, not
     * to a kit's, which stays a draft.
     */
    List<UserError> check() {
        List<UserError> all = new ArrayList<>(problems);
        Standards everything = standards(Standards.none());
        Standards written = new ConfigurationSection(
                        entries.stream().filter(e -> e.basedOn() == null).toList(), problems)
                .standards(Standards.none());
        List<String> keys = new ArrayList<>();
        for (Entry entry : entries) {
            String key = identity(entry);
            if (keys.contains(key)) {
                all.add(new UserError(
                        entry.path(),
                        String.join(".", entry.path().subList(1, entry.path().size())) + ": defines "
                                + DocumentKeys.of(entry.content(), null)
                                + " a second time (perhaps also from a starter kit).",
                        Code.NOT_ALLOWED));
            }
            keys.add(key);
            all.addAll(entry.content()
                    .problems(
                            Problems.at(entry.path().toArray(String[]::new)),
                            entry.basedOn() == null ? written : everything));
        }
        return all;
    }

    /** What tells one document from another: its kind and its key. */
    private static String identity(Entry entry) {
        return entry.kind() + ":" + DocumentKeys.of(entry.content(), null);
    }

    /** The given standards and those of the frameworks this section defines. */
    Standards standards(Standards given) {
        Standards standards = given;
        for (Entry entry : entries) {
            if (entry.content() instanceof StandardsFrameworkContent framework) {
                standards = standards.with(framework.key(), framework.numbers());
            }
        }
        return standards;
    }

    /** The same entries, each marked as coming from a starter kit. */
    ConfigurationSection fromKit(String code, List<String> path) {
        return new ConfigurationSection(
                entries.stream()
                        .map(e -> new Entry(e.kind(), e.content(), "starter-kit:" + code, path))
                        .toList(),
                problems);
    }

    /**
     * A starter kit's template has no period of its own: it takes the period of the strategy
     * defined beside it, or else this year and the next. A kit fills only what the tenant's own
     * documents lack, so a kit's document with the kind and key of one the tenant writes (Medway's
     * own template for the period the kit's would take) is left out.
     */
    ConfigurationSection withPeriodsFilled(int thisYear) {
        StrategyContent strategy = entries.stream()
                .map(Entry::content)
                .filter(StrategyContent.class::isInstance)
                .map(StrategyContent.class::cast)
                .findFirst()
                .orElse(null);
        int start = strategy == null ? thisYear : strategy.periodStart();
        int end = strategy == null ? start + 1 : strategy.periodEnd();
        List<Entry> filled = entries.stream()
                .map(entry ->
                        entry.content() instanceof ActionPlanTemplateContent template && template.periodStart() == null
                                ? new Entry(
                                        entry.kind(),
                                        new ActionPlanTemplateContent(
                                                template.title(),
                                                start,
                                                end,
                                                template.framework(),
                                                template.columns(),
                                                template.sections()),
                                        entry.basedOn(),
                                        entry.path())
                                : entry)
                .toList();
        List<String> written = filled.stream()
                .filter(entry -> entry.basedOn() == null)
                .map(ConfigurationSection::identity)
                .toList();
        return new ConfigurationSection(
                filled.stream()
                        .filter(entry -> entry.basedOn() == null || !written.contains(identity(entry)))
                        .toList(),
                problems);
    }

    private static List<String> append(String[] path, String... more) {
        List<String> all = new ArrayList<>(List.of(path));
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
