package uk.trustplatform.isolation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.AstTransformer;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.IntValue;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.parser.Parser;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.testing.ApiCaller;
import uk.trustplatform.testing.ApiCaller.Reply;

/**
 * Requests that are invalid whoever sends them, generated from a well-formed one: each leaf of its
 * variables and each literal argument of its document spoilt in turn (control characters, lone
 * surrogates, oversized text, garbage ids, impossible dates, numbers of the wrong type or out of
 * range), bad cursors for every list, and junk at the level of the HTTP request itself.
 */
final class MalformedRequests {

    /** One request that must be refused, and how to send it as a caller. */
    record Malformed(String description, Function<ApiCaller, Reply> send) {}

    /** Longer than any text the platform keeps (4,000 characters at most). */
    static final String OVERSIZED = "x".repeat(10_001);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE_SHAPED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String MARK = "FUZZ_MARK";
    private static final List<String> IMPOSSIBLE_DATES = List.of("2026-02-30", "2026-04-31", "99999-01-01");

    private MalformedRequests() {}

    /** Every spoilt version of a GraphQL request: its variables leaf by leaf, then its literals one by one. */
    static List<Malformed> of(String query, Map<String, Object> variables) {
        List<Malformed> spoilt = new ArrayList<>();
        leaves(variables, List.of(), (path, value) -> {
            for (Object bad : badValues(path, value)) {
                Object changed = replaced(variables, path, 0, bad);
                spoilt.add(new Malformed(
                        "variable " + path + " = " + shown(bad), caller -> caller.query(query, cast(changed))));
            }
        });
        Document document = Parser.parse(query);
        for (Value<?> literal : literals(document)) {
            for (String bad : badLiterals(literal)) {
                String changed = withLiteral(document, literal, bad);
                spoilt.add(new Malformed(
                        "literal " + AstPrinter.printAst(literal) + " -> " + shown(bad),
                        caller -> caller.query(changed, variables)));
            }
        }
        return spoilt;
    }

    /** Bad {@code after} and {@code first} for every list, given a cursor each list issued. */
    static List<Malformed> cursors(Map<String, String> issued) {
        List<Malformed> spoilt = new ArrayList<>();
        List<String> lists = List.copyOf(issued.keySet());
        for (int i = 0; i < lists.size(); i++) {
            String list = lists.get(i);
            String query = ConnectionFields.oneRow(list);
            Map<String, String> afters = new LinkedHashMap<>();
            afters.put("garbage", "garbage");
            afters.put("empty", "");
            afters.put("oversized", OVERSIZED);
            afters.put("another list's cursor", issued.get(lists.get((i + 1) % lists.size())));
            afters.putAll(wrongShapes(issued.get(list)));
            afters.forEach((what, after) -> spoilt.add(
                    new Malformed(list + " after " + what, caller -> caller.query(query, Map.of("after", after)))));
            spoilt.add(new Malformed(
                    list + " after a literal garbage cursor",
                    caller -> caller.query("{ " + list + "(after: \"\\u0000\") { edges { cursor } } }")));
            for (String first : List.of("-1", "101", "2147483648", "\"ten\"")) {
                spoilt.add(new Malformed(
                        list + " first " + first,
                        caller -> caller.query("{ " + list + "(first: " + first + ") { edges { cursor } } }")));
            }
        }
        return spoilt;
    }

    /** A list's own cursor with a part fewer, a part more, and a NUL in each part. */
    private static Map<String, String> wrongShapes(String cursor) {
        ArrayNode own;
        try {
            own = (ArrayNode) JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        ArrayNode fewer = own.deepCopy();
        fewer.remove(fewer.size() - 1);
        wrong.put("its own cursor less a part", encoded(fewer.toString()));
        wrong.put(
                "its own cursor and a part more",
                encoded(own.deepCopy().add("more").toString()));
        for (int part = 0; part < own.size(); part++) {
            ArrayNode nul = own.deepCopy();
            nul.set(part, nul.get(part).asText() + "\u0000");
            wrong.put("its own cursor with a NUL in part " + part, encoded(nul.toString()));
        }
        return wrong;
    }

    /**
     * Junk at the level of the request: bodies that are not JSON or not a GraphQL request, wrong
     * JSON types, nested and oversized documents, subscriptions, wrong methods and content types,
     * a repeated tenant header, and addresses of the other routes with control characters.
     */
    static List<Malformed> requestLevel(String ownTenant, String otherTenant, String badge) {
        List<Malformed> junk = new ArrayList<>();
        for (String body : List.of(
                "",
                "not json",
                "{\"query\": ",
                "{\"query\": \"{ __typename }\"} trailing",
                "null",
                "true",
                "{}",
                "[]",
                "[{\"query\": \"{ __typename }\"}]",
                "{\"query\": 5}",
                "{\"query\": null}",
                "{\"query\": \"\"}",
                "{\"query\": [\"{ __typename }\"]}",
                "{\"query\": {\"text\": \"{ __typename }\"}}",
                "{\"query\": \"{ __typename }\", \"variables\": \"x\"}",
                "{\"query\": \"{ __typename }\", \"variables\": [1]}",
                "{\"query\": \"{ __typename }\", \"variables\": 5}",
                "{\"query\": \"{ __typename }\", \"operationName\": 5}",
                "{\"query\": \"{ __typename }\", \"operationName\": {\"a\": 1}}",
                "{\"query\": \"{ __typename }\", \"operationName\": \"Nowhere\"}",
                "{\"query\": \"query A { __typename } query A { __typename }\"}",
                "{\"query\": \"{ __typename } { __typename }\"}",
                "{\"query\": \"query ($n: Int!) { pledgesDueForRenewal(withinDays: $n) { id } }\", \"variables\": {}}",
                "{\"query\": \"query ($n: Int!) { pledgesDueForRenewal(withinDays: $n) { id } }\","
                        + " \"variables\": {\"n\": {\"deep\": [1, [2, [3]]]}}}",
                "{\"query\": \"{ tenant(slug: \\\"a\u0000b\\\") { name } }\"}",
                "{\"query\": \"{ tenant(slug: \\\"a\\u0000b\\\") { name } }\"}",
                "{\"query\": \"{ tenant(slug: \\\"\\ud800\\\") { name } }\"}",
                "{\"query\": \"{ \u0000 }\"}",
                "{\"query\": \"{ __typename }\", \"variables\": " + "{\"a\": ".repeat(1200) + "1" + "}".repeat(1200)
                        + "}",
                "[".repeat(100_000))) {
            junk.add(new Malformed("body " + shown(body), caller -> caller.postJson(body)));
        }
        for (String query : List.of(
                "{ __typename }" + " ".repeat(25_000),
                "{ a ".repeat(3_000) + "}".repeat(3_000),
                "{ partnerOrganisations { edges { node { " + "parent { ".repeat(20) + "id" + " }".repeat(20)
                        + " } } } }",
                "query { " + aliases(101, "__typename") + " }",
                "{ partnerOrganisations(first: 100) { edges { node { " + aliases(1_000, "__typename") + " } } } }",
                "{ viewer { " + aliases(40, "roles") + " } }",
                "subscription { tenant(slug: \"x\") { name } }",
                "subscription S { __typename } query Q { __typename }",
                "fragment A on Query { ...B } fragment B on Query { ...A } { ...A }",
                "{ __schema { types { name } } }",
                "{ __type(name: \"Tenant\\u0000\") { name } }",
                "mutation { __typename }",
                "{ tenant(slug: 5) { name } }",
                "{ node(id: \"\\u0000\") { id } }",
                "query ($x: String) { __typename }")) {
            junk.add(new Malformed("document " + shown(query), caller -> caller.query(query)));
        }
        junk.add(new Malformed(
                "a body of 2 MB", caller -> caller.postJson("{\"query\": \"" + "x".repeat(2_000_000) + "\"}")));
        for (String contentType : List.of("text/plain", "application/graphql", "application/x-www-form-urlencoded")) {
            junk.add(new Malformed(
                    "content type " + contentType,
                    caller -> caller.post(contentType, "{\"query\": \"{ __typename }\"}")));
        }
        for (Map<String, String> parameters : List.of(
                Map.of("query", "\u0000"),
                Map.of("query", "{ __typename }", "variables", "["),
                Map.of("query", "{ __typename }", "variables", "[1]"),
                Map.of("query", "mutation { refreshIndicators { values } }"),
                Map.of("query", "subscription { __typename }"),
                Map.of(
                        "query",
                        "query ($s: String!) { tenant(slug: $s) { name } }",
                        "variables",
                        "{\"s\": \"\\u0000\"}"),
                Map.of("operationName", "x"))) {
            junk.add(new Malformed(
                    "GET /graphql " + shown(parameters.toString()), caller -> caller.get("/graphql", parameters)));
        }
        junk.add(new Malformed(
                "X-Trust-Tenant twice, own tenant first",
                caller -> caller.inTenant(ownTenant)
                        .withAnotherHeader("X-Trust-Tenant", otherTenant)
                        .query("{ viewer { tenant { slug } } }")));
        junk.add(new Malformed(
                "X-Trust-Tenant comma-joined",
                caller -> caller.inTenant(ownTenant + "," + otherTenant).query("{ viewer { tenant { slug } } }")));
        for (String path : List.of(
                "/pledges/" + ownTenant + "/%00",
                "/pledges/" + ownTenant + "/%00/badge.svg",
                "/pledges/%00/" + badge + "/badge.svg",
                "/pledges/" + ownTenant + "/" + badge + "%00",
                "/pledges/" + ownTenant + "/%ED%A0%80",
                "/pledges/" + ownTenant + "/" + "x".repeat(5_000),
                "/pledges/" + ownTenant + "/" + badge + "?x=%01",
                "/exports/pledge-register.csv?periodStart=%00",
                "/exports/action-plans.csv?periodStart=abc",
                "/exports/action-plans.csv?periodStart=99999999999",
                "/exports/%00.csv")) {
            junk.add(new Malformed("GET " + shown(path), caller -> caller.get(path, Map.of())));
            junk.add(new Malformed(
                    "GET " + shown(path) + " from a browser",
                    caller -> caller.withHeader("Accept", "text/html").get(path, Map.of())));
        }
        return junk;
    }

    private static String aliases(int count, String field) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append('a').append(i).append(": ").append(field).append(' ');
        }
        return text.toString();
    }

    /** The spoilt values of one leaf, by what the leaf looks like. */
    private static List<Object> badValues(List<Object> path, Object value) {
        List<Object> bad = new ArrayList<>();
        if (value instanceof String text) {
            bad.addAll(List.of(text + "\u0000", "\u0007" + text, text + "\ud800", "\udfff" + text, text + OVERSIZED));
            if (isId(path, text)) {
                bad.addAll(List.of(
                        "not-an-id",
                        encoded("PartnerOrganisation:not-a-uuid"),
                        GlobalId.encode("Tenant", UUID.randomUUID())));
            }
            if (DATE_SHAPED.matcher(text).matches()) {
                bad.addAll(IMPOSSIBLE_DATES);
            }
        } else if (value instanceof Number) {
            bad.addAll(List.of("12", 1.5, 2_147_483_648L, -2_147_483_649L, true));
        } else if (value instanceof Boolean) {
            bad.addAll(List.of("yes", 1));
        }
        return bad;
    }

    private static List<String> badLiterals(Value<?> literal) {
        return switch (literal) {
            case StringValue text
            when DATE_SHAPED.matcher(text.getValue()).matches() ->
                IMPOSSIBLE_DATES.stream().map(date -> "\"" + date + "\"").toList();
            case StringValue text ->
                List.of(
                        "\"" + text.getValue() + "\\u0000\"",
                        "\"\\u001b" + text.getValue() + "\"",
                        "\"" + text.getValue() + OVERSIZED + "\"",
                        "12");
            case IntValue number -> List.of("2147483648", "-2147483649", "1.5", "\"" + number.getValue() + "\"");
            case BooleanValue truth -> List.of("\"" + truth.isValue() + "\"", "1");
            default -> List.of();
        };
    }

    private static boolean isId(List<Object> path, String text) {
        Object key = path.getLast() instanceof Integer ? path.get(path.size() - 2) : path.getLast();
        String name = String.valueOf(key);
        return name.equals("id") || name.endsWith("Id") || GlobalId.decode(text).isPresent();
    }

    /** Calls {@code visit} with the path and value of every leaf (not a map, not a list) of a variables tree. */
    private static void leaves(Object tree, List<Object> path, LeafVisitor visit) {
        if (tree instanceof Map<?, ?> object) {
            object.forEach((key, value) -> leaves(value, append(path, key), visit));
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                leaves(list.get(i), append(path, i), visit);
            }
        } else if (tree != null) {
            visit.leaf(path, tree);
        }
    }

    @FunctionalInterface
    private interface LeafVisitor {
        void leaf(List<Object> path, Object value);
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return List.copyOf(longer);
    }

    /** A copy of the tree with the leaf at {@code path} replaced. */
    private static Object replaced(Object tree, List<Object> path, int depth, Object value) {
        if (depth == path.size()) {
            return value;
        }
        Object step = path.get(depth);
        if (tree instanceof Map<?, ?> object) {
            Map<Object, Object> copy = new LinkedHashMap<>(object);
            copy.put(step, replaced(object.get(step), path, depth + 1, value));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) tree);
        copy.set((Integer) step, replaced(copy.get((Integer) step), path, depth + 1, value));
        return copy;
    }

    /** The literal values of a document's arguments, inside input objects and lists too. */
    private static List<Value<?>> literals(Document document) {
        List<Value<?>> found = new ArrayList<>();
        new NodeTraverser()
                .preOrder(
                        new NodeVisitorStub() {
                            @Override
                            @SuppressWarnings("rawtypes") // graphql-java's visitor takes a raw Node context.
                            public TraversalControl visitArgument(Argument node, TraverserContext<Node> context) {
                                collect(node.getValue(), found);
                                return TraversalControl.CONTINUE;
                            }
                        },
                        document);
        return found;
    }

    private static void collect(Value<?> value, List<Value<?>> found) {
        switch (value) {
            case ObjectValue object ->
                object.getObjectFields().stream().map(ObjectField::getValue).forEach(field -> collect(field, found));
            case ArrayValue array -> array.getValues().forEach(element -> collect(element, found));
            case StringValue text -> found.add(text);
            case IntValue number -> found.add(number);
            case BooleanValue truth -> found.add(truth);
            default -> {}
        }
    }

    /**
     * The document with one literal written as {@code text}, the rest as they were: the literal is
     * swapped for a marker that the printed document then has replaced, so that {@code text} can be
     * any source text (an escape, another type of value) and not only what a node can print.
     */
    private static String withLiteral(Document document, Value<?> literal, String text) {
        Node<?> marked = new AstTransformer().transform(document, new NodeVisitorStub() {
            @Override
            @SuppressWarnings("rawtypes") // graphql-java's visitor takes a raw Node context.
            protected TraversalControl visitValue(Value<?> node, TraverserContext<Node> context) {
                return node == literal
                        ? TreeTransformerUtil.changeNode(
                                context, EnumValue.newEnumValue(MARK).build())
                        : TraversalControl.CONTINUE;
            }
        });
        return AstPrinter.printAst(marked).replace(MARK, text);
    }

    private static String encoded(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object variables) {
        return (Map<String, Object>) variables;
    }

    /** A value as a test's name can hold it: control characters escaped, long text cut short. */
    static String shown(Object value) {
        return shown(value, 80);
    }

    static String shown(Object value, int longest) {
        StringBuilder text = new StringBuilder();
        String raw = String.valueOf(value);
        raw.chars()
                .limit(longest)
                .forEach(c -> text.append(
                        c < 0x20 || Character.isSurrogate((char) c)
                                ? "\\u%04x".formatted(c)
                                : String.valueOf((char) c)));
        return raw.length() > longest ? text + "… (" + raw.length() + " characters)" : text.toString();
    }
}
