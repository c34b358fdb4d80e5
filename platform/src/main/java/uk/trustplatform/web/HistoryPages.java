package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit trail as pages: the whole partnership's changes for its board and admins, and one
 * record's ({@code ?object=} its id: a plan, a pledge, a document, an organisation) for anyone
 * the API lets read it, a partner lead its own agency's. Each change is shown field by field,
 * with who made it and when; a GET form narrows it by person and by day.
 */
@Controller("/{tenant}/history")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class HistoryPages {

    private static final int PAGE_SIZE = 20;
    private static final String BY = "by";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String OBJECT = "object";
    private static final String AFTER = "after";

    /** The argument an API refusal names, to put its message on that question of the form. */
    private static final Pattern ARGUMENT = Pattern.compile("Argument '(\\w+)'");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    HistoryPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** An entry as the operation reads it. */
    public record Entry(
            String at, String by, boolean byPartnerSystem, String action, Audited object, List<FieldChange> changes) {}

    public record Audited(String id, String kind, Node node) {}

    public record Node(String id) {}

    public record FieldChange(String field, String before, String after) {}

    /**
     * One change as the page shows it: what happened, who and when in words, the record's history, its fields.
     *
     * @param record the kind of record changed, when the trail names it
     * @param recordHref that record's history, when it is another record than the history's
     */
    public record Change(
            String action,
            String byline,
            @Nullable String record,
            @Nullable String recordHref,
            List<FieldChange> fields) {}

    /**
     * @param caption what the history is of, above the heading; null for the whole partnership
     * @param backHref the record's own page, where there is one
     * @param clearHref the same history without the filter
     * @param newestHref the first page, when this is a later one
     * @param olderHref the next page, when there is one
     * @param object the record's id; null for the whole partnership
     */
    public record HistoryPage(
            @Nullable String caption,
            @Nullable String backHref,
            String backText,
            Form filter,
            @Nullable String object,
            String clearHref,
            List<Change> changes,
            boolean refused,
            @Nullable String newestHref,
            @Nullable String olderHref) {

        public boolean filtered() {
            return !filter.value(BY).isBlank()
                    || DateFields.iso(filter, FROM) != null
                    || DateFields.iso(filter, TO) != null;
        }
    }

    @Get
    HttpResponse<?> history(String tenant, HttpRequest<?> request) {
        var member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form asked = new Form(request.getParameters().asMap(), Map.of());
        String object = blankToNull(asked.value(OBJECT));
        if (object == null && !Visitors.isBoard(member.get().visitor())) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("slug", tenant);
        variables.put("first", PAGE_SIZE);
        variables.put(AFTER, blankToNull(asked.value(AFTER)));
        variables.put("withObject", object != null);
        variables.put("node", object == null ? "" : object);
        variables.put("objectId", object);
        variables.put(BY, blankToNull(asked.value(BY)));
        variables.put(FROM, DateFields.iso(asked, FROM));
        variables.put(TO, DateFields.iso(asked, TO));
        PageOperations.Answer first =
                operations.run("pages/history", variables, member.get().caller(), request);
        Map<String, String> refused = refusedFilter(first);
        PageOperations.Answer answer = refused.isEmpty() ? first : withoutFilter(member.get(), variables, request);
        if (answer.errorCode() != null) {
            return refusedAnswer(member.get(), request, answer.errorCode(), answer);
        }
        JsonNode node = answer.data().path("node");
        if (object != null && !node.isObject()) {
            return errors.notFound(member.get().visitor(), request);
        }
        Form filter =
                asked.withErrors(DateFields.worded(refused, asked, Map.of(FROM, "the first day", TO, "the last day")));
        JsonNode trail = answer.data().path("auditTrail");
        List<Change> changes = trail.path("edges")
                .valueStream()
                .map(edge -> change(tenant, object, answer.convert(edge.path("node"), Entry.class)))
                .toList();
        String base = "/" + tenant + "/history";
        String title = object == null ? "History" : "History of " + describe(node);
        HistoryPage page = new HistoryPage(
                object == null ? null : describe(node),
                backHref(tenant, member.get(), node),
                backText(node),
                filter,
                object,
                base + (object == null ? "" : "?object=" + encoded(object)),
                changes,
                !refused.isEmpty(),
                asked.value(AFTER).isBlank() ? null : base + query(asked, null),
                trail.path("pageInfo").path("hasNextPage").asBoolean()
                        ? base
                                + query(
                                        asked,
                                        trail.path("pageInfo").path("endCursor").asText())
                        : null);
        return templates.page(
                refused.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST,
                "history",
                members.layout(member.get(), refused.isEmpty() ? title : "Error: " + title, answer, request),
                page);
    }

    /** The filter was refused, and with it the whole answer: the record and the partnership again, without it. */
    private PageOperations.Answer withoutFilter(
            MemberPages.Member member, Map<String, Object> variables, HttpRequest<?> request) {
        Map<String, Object> without = new HashMap<>(variables);
        for (String filter : List.of(AFTER, BY, FROM, TO)) {
            without.put(filter, null);
        }
        without.put("first", 0);
        return operations.run("pages/history", without, member.caller(), request);
    }

    /** @param code the answer's error code */
    private HttpResponse<?> refusedAnswer(
            MemberPages.Member member, HttpRequest<?> request, String code, PageOperations.Answer answer) {
        return switch (code) {
            // Not a record's id, not a page of this history, or a history the visitor may not read.
            case "FORBIDDEN", "UNAUTHENTICATED", "BAD_USER_INPUT" -> errors.notFound(member.visitor(), request);
            default -> errors.serviceProblem(member.visitor(), request, answer.correlationId());
        };
    }

    /**
     * The filter's questions the API refused, each with its message; empty when it refused none
     * (a bad record id or cursor is no page at all).
     */
    private static Map<String, String> refusedFilter(PageOperations.Answer answer) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (JsonNode error : answer.errors()) {
            String message = error.path("message").asText();
            Matcher argument = ARGUMENT.matcher(message);
            if (!"BAD_USER_INPUT".equals(error.path("extensions").path("code").asText()) || !argument.find()) {
                continue;
            }
            String field = argument.group(1);
            if (field.equals(TO) && message.contains("'from'")) {
                refused.putIfAbsent(TO, "The last day must be the same as or after the first day");
            } else if (List.of(BY, FROM, TO).contains(field)) {
                refused.putIfAbsent(field, message);
            }
        }
        return refused;
    }

    private static Change change(String tenant, @Nullable String object, Entry entry) {
        Audited about = entry.object();
        String by = entry.by() == null ? "someone (the trail kept no name then)" : entry.by();
        String byline =
                by + (entry.byPartnerSystem() ? " (a partner system)" : "") + " on " + Dates.dateTime(entry.at());
        boolean elsewhere = about != null && about.node() != null && !about.id().equals(object);
        return new Change(
                entry.action(),
                byline,
                about == null ? null : about.kind(),
                elsewhere ? "/" + tenant + "/history?object=" + encoded(about.id()) : null,
                entry.changes());
    }

    /** What the history is of, in words: "Action plan 2009–2010, Kent Youth Service". */
    private static String describe(JsonNode node) {
        String partner = node.path("partnerOrganisation").path("name").asText("");
        return switch (node.path("__typename").asText()) {
            case "PartnerOrganisation" -> node.path("name").asText();
            case "ActionPlan" ->
                "Action plan " + node.path("periodStart").asInt() + "–"
                        + node.path("periodEnd").asInt() + ", " + partner;
            case "PledgeRegistration" -> "The pledge of " + partner;
            default ->
                node.has("key")
                        ? "Edition " + node.path("edition").asInt() + " of "
                                + node.path("key").asText()
                        : "this record";
        };
    }

    /** The record's own page, for the plan and pledge pages that link here. */
    private static @Nullable String backHref(String tenant, MemberPages.Member member, JsonNode node) {
        String id = encoded(node.path("id").asText());
        return switch (node.path("__typename").asText()) {
            case "ActionPlan" ->
                Visitors.isBoard(member.visitor())
                        ? "/" + tenant + "/plans/" + id
                        : "/" + tenant + "/action-plan/" + id;
            case "PledgeRegistration" -> Visitors.isBoard(member.visitor()) ? null : "/" + tenant + "/pledge";
            default -> null;
        };
    }

    private static String backText(JsonNode node) {
        return node.path("__typename").asText().equals("PledgeRegistration")
                ? "Back to the pledge"
                : "Back to the plan";
    }

    /** The address of a page of the same history: the same filter, after the cursor (null: the newest). */
    private static String query(Form asked, @Nullable String after) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of(
                OBJECT, BY, FROM + "-day", FROM + "-month", FROM + "-year", TO + "-day", TO + "-month", TO + "-year")) {
            if (!asked.value(name).isBlank()) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(encoded(asked.value(name)));
            }
        }
        if (after != null) {
            query.append(query.isEmpty() ? "?" : "&").append(AFTER).append('=').append(encoded(after));
        }
        return query.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }
}
