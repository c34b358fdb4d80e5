package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import uk.trustplatform.api.GlobalId;
import uk.trustplatform.web.ActionPlanPages.Named;
import uk.trustplatform.web.DocumentKinds.Kind;

/**
 * The partnership's configuration documents, for its admin: every document of each kind with its
 * editions and their status, and the starter kits to copy in (as drafts); one edition in full with
 * its history and, for a strategy, which partners endorsed it; editing a draft in a form of its
 * questions and lists; publishing it, and starting the next edition of a published one. Board
 * members read the same pages without the buttons, as the API lets them read drafts but change
 * nothing; anyone else finds no such page.
 */
@Controller("/{tenant}/admin/documents")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class DocumentAdminPages {

    /** Where a decision on the edition's page is; a refusal naming no question of its own is put there. */
    private static final String ACTIONS = "actions";

    private static final String CONFLICT = "conflict";
    private static final String VERSION = "version";
    private static final String PARTNER = "partnerOrganisationId";

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    DocumentAdminPages(PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** An edition as the list and the history name it. */
    public record EditionRef(String id, int edition, String status, String publishedAt, String basedOn) {}

    /** The newest edition of a document, as the documents page lists it. */
    public record Listed(
            String id,
            String key,
            int edition,
            String status,
            String basedOn,
            String heading,
            Integer periodStart,
            Integer periodEnd,
            Named partnerOrganisation,
            List<EditionRef> editions) {

        public String period() {
            return periodStart == null ? "" : periodStart + "–" + periodEnd;
        }
    }

    /** One kind's documents on the list, with the origin of each in words. */
    public record KindList(Kind kind, List<Entry> documents) {}

    public record Entry(Listed document, String title, String origin) {}

    public record KitDocument(String heading) {}

    public record StarterKit(
            String code, String name, String description, String origin, List<KitDocument> documents) {}

    public record ListPage(
            List<KindList> kinds,
            List<StarterKit> kits,
            boolean admin,
            @Nullable String banner,
            Form form) {}

    public record Endorsement(Named partnerOrganisation, String endorsedAt) {}

    /** One edition in full, as its page reads it. */
    public record Edition(
            String id,
            String key,
            int edition,
            String status,
            int version,
            String basedOn,
            String publishedAt,
            String heading,
            Integer periodStart,
            Integer periodEnd,
            Named partnerOrganisation,
            List<EditionRef> editions,
            List<Endorsement> endorsements) {

        public boolean draft() {
            return status.equals("DRAFT") || status.equals("ENDORSED");
        }

        public boolean revisable() {
            return status.equals("PUBLISHED") || status.equals("SUPERSEDED");
        }

        public String period() {
            return periodStart == null ? "" : periodStart + "–" + periodEnd;
        }
    }

    /** The edition's page: its content, its history, its endorsements and the decisions its status allows. */
    public record DocumentPage(
            Kind kind,
            Edition document,
            String title,
            String origin,
            String href,
            String listHref,
            @Nullable String publicHref,
            List<DocumentForm.Piece> content,
            List<Option> unendorsed,
            boolean admin,
            boolean strategy,
            @Nullable String banner,
            Form form,
            @Nullable Conflict conflict) {

        /** Whether a strategy still lacks the endorsement publishing needs. */
        public boolean needsEndorsing() {
            return strategy && document.draft() && document.endorsements().isEmpty();
        }
    }

    public record EditPage(
            Kind kind,
            Edition document,
            String title,
            String href,
            List<DocumentForm.Piece> pieces,
            Form form,
            @Nullable Conflict conflict) {}

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        if (!Visitors.isBoard(member.get().visitor())) {
            return errors.notFound(member.get().visitor(), request);
        }
        return listPage(member.get(), banner(done), Form.empty(), HttpStatus.OK, request);
    }

    @Post(value = "/starter-kits", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> copyKit(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return members.refuse(tenant, request);
        }
        MemberPages.Member member = found.get();
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.visitor(), form)) {
            return errors.forbidden(member.visitor(), request);
        }
        if (!member.caller().administersTenant()) {
            return errors.notFound(member.visitor(), request);
        }
        String code = form.value("code");
        PageOperations.Answer answer =
                operations.run("pages/copyStarterKit", Map.of("input", Map.of("code", code)), member.caller(), request);
        Submission submission = Submission.of(answer, "copyStarterKit", "kit-" + code);
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(listHref(tenant) + "?done=copied"));
        }
        Map<String, String> onTheKit = new LinkedHashMap<>();
        submission.errors().values().forEach(message -> onTheKit.merge("kit-" + code, message, (a, b) -> a + " " + b));
        return listPage(member, null, Form.empty().withErrors(onTheKit), HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}")
    HttpResponse<?> document(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, false, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        return documentPage(reading, banner(done), Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/publish", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> publish(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return decide(
                tenant,
                id,
                body,
                "publishDocument",
                (form, edition) -> Map.of("id", edition.id(), VERSION, ActionPlanPages.number(form.value(VERSION))),
                "published",
                request);
    }

    @Post(value = "/{id}/revise", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revise(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return decide(
                tenant, id, body, "reviseDocument", (form, edition) -> Map.of("id", edition.id()), "revised", request);
    }

    @Post(value = "/{id}/endorse", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> endorse(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return decide(
                tenant,
                id,
                body,
                "endorseStrategy",
                (form, edition) -> Map.of("id", edition.id(), PARTNER, form.value(PARTNER)),
                "endorsed",
                request);
    }

    @Get("/{id}/edit")
    HttpResponse<?> editing(String tenant, String id, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, true, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        if (!reading.edition().draft()) {
            return HttpResponse.seeOther(URI.create(documentHref(tenant, id)));
        }
        Map<String, String> saved = new LinkedHashMap<>(reading.kind().form().saved(reading.content()));
        saved.put(VERSION, String.valueOf(reading.edition().version()));
        return editPage(reading, Form.of(saved), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reading> steps = reading(tenant, id, form, true, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        DocumentForm shape = reading.kind().form();
        if (DocumentForm.changesRows(form)) {
            return editPage(reading, shape.rowsChanged(form), null, HttpStatus.OK, request);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", reading.edition().id());
        input.put(VERSION, ActionPlanPages.number(form.value(VERSION)));
        input.put(shape.input(), shape.content(form));
        PageOperations.Answer answer = operations.run(
                "pages/" + reading.kind().mutation(),
                Map.of("input", input),
                reading.member().caller(),
                request);
        Submission submission = Submission.of(answer, reading.kind().mutation(), shape.firstField());
        if (submission.refusal() != null) {
            return errors.refused(reading.member().visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(reading.member().visitor(), request);
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(documentHref(tenant, id) + "?done=saved"));
        }
        if (submission.conflict()) {
            Steps<Reading> stepsNow = reading(tenant, id, null, true, request);
            if (stepsNow.refusal() != null) {
                return stepsNow.refusal();
            }
            Reading now = stepsNow.found();
            Conflict conflict =
                    Conflict.of(lastChange(now.read()), shape.differences(shape.saved(now.content()), form));
            Map<String, List<String>> kept = new LinkedHashMap<>(form.values());
            kept.put(VERSION, List.of(String.valueOf(now.edition().version())));
            Form again = new Form(kept, Map.of())
                    .withErrors(Map.of(
                            CONFLICT,
                            conflict.by() + " changed this draft after you opened it. Check their version, then"
                                    + " save again"));
            return editPage(now, again, conflict, HttpStatus.BAD_REQUEST, request);
        }
        return editPage(
                reading, form.withErrors(shape.errors(submission.errors())), null, HttpStatus.BAD_REQUEST, request);
    }

    /** What a page of one edition reads first: the edition, of its kind, with its content. */
    private record Reading(
            MemberPages.Member member, PageOperations.Answer read, Kind kind, Edition edition, JsonNode content) {}

    /**
     * Signs the visitor in to the partnership, checks a form's token (when there is a form), lets
     * on the board (to read) or only the admin (to change), and reads the edition; another
     * partnership's or a missing one is not found.
     */
    private Steps<Reading> reading(
            String tenant, String id, @Nullable Form form, boolean changing, HttpRequest<?> request) {
        Optional<MemberPages.Member> found = members.of(tenant, request);
        if (found.isEmpty()) {
            return Steps.refused(members.refuse(tenant, request));
        }
        MemberPages.Member member = found.get();
        if (form != null && !Visitors.csrfMatches(member.visitor(), form)) {
            return Steps.refused(errors.forbidden(member.visitor(), request));
        }
        boolean allowed = changing ? member.caller().administersTenant() : Visitors.isBoard(member.visitor());
        if (!allowed) {
            return Steps.refused(errors.notFound(member.visitor(), request));
        }
        PageOperations.Answer read =
                operations.run("pages/adminDocument", Map.of("slug", tenant, "id", id), member.caller(), request);
        JsonNode document = read.data().path("document");
        Optional<Kind> kind = DocumentKinds.of(document.path("__typename").asText());
        // A partner's personalised copy of the charter is the partner's to change, on its own page.
        if (kind.isEmpty() || document.path("partnerOrganisation").isObject()) {
            return Steps.refused(errors.notFound(member.visitor(), request));
        }
        return Steps.found(
                new Reading(member, read, kind.get(), read.convert(document, Edition.class), content(document)));
    }

    /** The edition's content by the input's names: the operation reads a template's framework under an alias. */
    private static JsonNode content(JsonNode document) {
        if (!document.has("templateFramework")) {
            return document;
        }
        ObjectNode content = document.deepCopy();
        content.set("framework", content.remove("templateFramework"));
        return content;
    }

    /**
     * Runs a decision on the edition (publish, revise, endorse: the mutation of {@code
     * pages/<mutation>.graphql}) and goes to the edition it answers with (the next edition, for a
     * revision) saying so.
     */
    private HttpResponse<?> decide(
            String tenant,
            String id,
            @Nullable String body,
            String mutation,
            BiFunction<Form, Edition, Map<String, Object>> input,
            String done,
            HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reading> steps = reading(tenant, id, form, true, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        PageOperations.Answer answer = operations.run(
                "pages/" + mutation,
                Map.of("input", input.apply(form, reading.edition())),
                reading.member().caller(),
                request);
        Submission submission = Submission.of(answer, mutation, ACTIONS);
        if (submission.saved()) {
            String answered =
                    submission.payload().findPath("id").asText(reading.edition().id());
            return HttpResponse.seeOther(URI.create(documentHref(tenant, answered) + "?done=" + done));
        }
        return refusedDecision(reading, submission, answer, request);
    }

    private HttpResponse<?> refusedDecision(
            Reading reading, Submission submission, PageOperations.Answer answer, HttpRequest<?> request) {
        MemberPages.Member member = reading.member();
        if (submission.refusal() != null) {
            return errors.refused(member.visitor(), request, submission.refusal(), answer.correlationId());
        }
        if (submission.notFound("id")) {
            return errors.notFound(member.visitor(), request);
        }
        if (submission.conflict()) {
            Edition now = reading.edition();
            Conflict conflict = Conflict.of(
                    lastChange(reading.read()),
                    List.of(new Conflict.Row("Status", Labels.of(now.status()), "Published")));
            return documentPage(
                    reading,
                    null,
                    Form.empty()
                            .withErrors(Map.of(
                                    CONFLICT,
                                    conflict.by() + " changed this edition after you opened it: check it before"
                                            + " you publish it")),
                    conflict,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, String> onTheDecision = new LinkedHashMap<>();
        submission
                .errors()
                .forEach((field, message) -> onTheDecision.merge(
                        field.equals(PARTNER) ? PARTNER : ACTIONS, message, (one, other) -> one + " " + other));
        return documentPage(
                reading, null, Form.empty().withErrors(onTheDecision), null, HttpStatus.BAD_REQUEST, request);
    }

    private HttpResponse<?> listPage(
            MemberPages.Member member, @Nullable String banner, Form form, HttpStatus status, HttpRequest<?> request) {
        PageOperations.Answer answer =
                operations.run("pages/adminDocuments", Map.of("slug", member.tenantSlug()), member.caller(), request);
        if (!answer.errors().isEmpty()) {
            return errors.serviceProblem(member.visitor(), request, answer.correlationId());
        }
        List<StarterKit> kits = answer.list("starterKits", StarterKit.class);
        Map<String, List<Listed>> byType = new LinkedHashMap<>();
        List.of("standardsFrameworks", "strategies", "actionPlanTemplates", "charters", "pledges", "guidance")
                .forEach(field -> answer.data()
                        .path(field)
                        .path("edges")
                        .forEach(edge -> byType.computeIfAbsent(
                                        edge.path("node").path("__typename").asText(), type -> new ArrayList<>())
                                .add(answer.convert(edge.path("node"), Listed.class))));
        JsonNode vocabularies = answer.data().path("vocabularies");
        if (vocabularies.isObject()) {
            byType.put("Vocabularies", List.of(answer.convert(vocabularies, Listed.class)));
        }
        List<KindList> kinds = DocumentKinds.ALL.stream()
                .map(kind -> new KindList(
                        kind,
                        byType.getOrDefault(kind.type(), List.of()).stream()
                                // Partners' personalised copies of the charter are theirs, not the partnership's.
                                .filter(listed -> listed.partnerOrganisation() == null)
                                .map(listed -> new Entry(
                                        listed,
                                        listed.heading() == null ? kind.plural() : listed.heading(),
                                        origin(listed.basedOn(), listed.editions(), kits)))
                                .toList()))
                .toList();
        String title = (form.hasErrors() ? "Error: " : "") + "Configuration documents";
        return templates.page(
                status,
                "adminDocuments",
                members.layout(member, title, answer, request),
                new ListPage(kinds, kits, member.caller().administersTenant(), banner, form));
    }

    private HttpResponse<?> documentPage(
            Reading reading,
            @Nullable String banner,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        Edition edition = reading.edition();
        Kind kind = reading.kind();
        String tenant = reading.member().tenantSlug();
        List<StarterKit> kits = reading.read().list("starterKits", StarterKit.class);
        String heading = edition.heading() == null ? kind.plural() : edition.heading();
        String title = heading + ", edition " + edition.edition();
        return templates.page(
                status,
                "adminDocument",
                members.layout(reading.member(), (form.hasErrors() ? "Error: " : "") + title, reading.read(), request),
                new DocumentPage(
                        kind,
                        edition,
                        title,
                        origin(edition.basedOn(), edition.editions(), kits),
                        documentHref(tenant, edition.id()),
                        listHref(tenant),
                        publicHref(tenant, kind, edition),
                        kind.form().pieces(Form.of(kind.form().saved(reading.content()))),
                        unendorsed(reading),
                        reading.member().caller().administersTenant(),
                        kind.type().equals("Strategy"),
                        banner,
                        form,
                        conflict));
    }

    private HttpResponse<?> editPage(
            Reading reading, Form form, @Nullable Conflict conflict, HttpStatus status, HttpRequest<?> request) {
        Edition edition = reading.edition();
        String heading = edition.heading() == null ? reading.kind().plural() : edition.heading();
        String title = "Edit " + heading + ", edition " + edition.edition();
        return templates.page(
                status,
                "adminDocumentEdit",
                members.layout(reading.member(), (form.hasErrors() ? "Error: " : "") + title, reading.read(), request),
                new EditPage(
                        reading.kind(),
                        edition,
                        title,
                        documentHref(reading.member().tenantSlug(), edition.id()),
                        reading.kind().form().pieces(form),
                        form,
                        conflict));
    }

    /** The partnership's agencies (not their services) that have not endorsed the strategy, to endorse on behalf of. */
    private static List<Option> unendorsed(Reading reading) {
        if (reading.edition().endorsements() == null) {
            return List.of();
        }
        Set<String> endorsed = reading.edition().endorsements().stream()
                .filter(endorsement -> endorsement.partnerOrganisation() != null)
                .map(endorsement -> endorsement.partnerOrganisation().id())
                .collect(Collectors.toSet());
        List<Option> partners = new ArrayList<>();
        reading.read().data().path("partnerOrganisations").path("edges").forEach(edge -> {
            JsonNode partner = edge.path("node");
            if (!partner.path("parent").isObject()
                    && !endorsed.contains(partner.path("id").asText())) {
                partners.add(new Option(
                        partner.path("id").asText(), partner.path("name").asText()));
            }
        });
        return List.copyOf(partners);
    }

    /** Where an edition came from, in words: a starter kit (credited), an earlier edition, or the partnership. */
    private static String origin(@Nullable String basedOn, @Nullable List<EditionRef> editions, List<StarterKit> kits) {
        if (basedOn == null) {
            return "Written by the partnership";
        }
        if (basedOn.startsWith("starter-kit:")) {
            String code = basedOn.substring("starter-kit:".length());
            return kits.stream()
                    .filter(kit -> kit.code().equals(code))
                    .findFirst()
                    .map(kit -> "Copied from the starter kit " + kit.name() + ". " + kit.origin())
                    .orElse("Copied from a starter kit");
        }
        if (basedOn.startsWith("edition:") && editions != null) {
            return editions.stream()
                    .filter(edition -> GlobalId.decode(edition.id())
                            .map(id -> basedOn.equals("edition:" + id.uuid()))
                            .orElse(false))
                    .findFirst()
                    .map(edition -> "The next edition after edition " + edition.edition())
                    .orElse("The next edition of an earlier one");
        }
        return "Written by the partnership";
    }

    /** The public page a published edition is read on, or null for a kind with none. */
    private static @Nullable String publicHref(String tenant, Kind kind, Edition edition) {
        String path = switch (kind.type()) {
            case "Strategy" -> "/strategy";
            case "StandardsFramework" -> "/standards";
            case "Charter" -> "/charter";
            case "Pledge" -> "/pledge-register";
            case "Guidance" -> "/guidance/" + edition.key();
            default -> null;
        };
        return path == null || !edition.status().equals("PUBLISHED") ? null : "/" + tenant + path;
    }

    private static JsonNode lastChange(PageOperations.Answer read) {
        JsonNode lastChange = read.data().path("document").path("lastChange");
        return lastChange.isObject() ? lastChange : NullNode.getInstance();
    }

    /** The fixed words of a notification after a change; nothing from the address is shown. */
    private static @Nullable String banner(@Nullable String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "copied" -> "The starter kit is copied into the partnership as drafts";
            case "saved" -> "The draft is saved";
            case "published" -> "The edition is published";
            case "revised" -> "The next edition is started as a draft";
            case "endorsed" -> "The endorsement is recorded";
            default -> null;
        };
    }

    static String listHref(String tenant) {
        return "/" + tenant + "/admin/documents";
    }

    private static String documentHref(String tenant, String id) {
        return listHref(tenant) + "/" + id;
    }
}
