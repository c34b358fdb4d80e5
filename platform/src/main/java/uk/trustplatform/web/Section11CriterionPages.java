package uk.trustplatform.web;

import com.fasterxml.jackson.databind.node.NullNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import uk.trustplatform.web.Section11Pages.Audit;
import uk.trustplatform.web.Section11Pages.Entry;

/** Rating one criterion of a Section 11 self-audit: red, amber or green, with the narrative and evidence. */
@Controller("/{tenant}/section-11/{audit}/criteria/{entry}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class Section11CriterionPages {

    private static final List<String> QUESTIONS = List.of("rag", "narrative", "evidence");
    private static final List<String> RATINGS = List.of("RED", "AMBER", "GREEN");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    Section11CriterionPages(
            PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    public record CriterionForm(
            String action,
            String auditHref,
            int round,
            String standard,
            String criterion,
            String text,
            String version,
            Form form,
            @Nullable Conflict conflict,
            List<Option> ratings) {}

    @Get
    HttpResponse<?> show(String tenant, String audit, String entry, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, audit, member.get(), request);
        Audit found = Section11Pages.audit(read);
        Entry criterion = found == null ? null : entry(found, entry);
        if (found == null || criterion == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        if (!found.open()) {
            return HttpResponse.seeOther(URI.create(Section11Pages.auditHref(tenant, audit)));
        }
        Map<String, String> saved = new LinkedHashMap<>();
        saved.put("rag", criterion.rag());
        saved.put("narrative", criterion.narrative());
        saved.put("evidence", criterion.evidence());
        return page(member.get(), read, found, criterion, Form.of(saved), null, HttpStatus.OK, request);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submitted(
            String tenant, String audit, String entry, @Nullable @Body String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer read = read(tenant, audit, member.get(), request);
        Audit found = Section11Pages.audit(read);
        Entry criterion = found == null ? null : entry(found, entry);
        if (found == null || criterion == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Map<String, Object> input = new HashMap<>();
        input.put("id", criterion.id());
        input.put("version", version(form));
        input.put("rag", RATINGS.contains(form.value("rag")) ? form.value("rag") : null);
        input.put("narrative", form.value("narrative"));
        input.put("evidence", form.value("evidence"));
        PageOperations.Answer answer = operations.run(
                "pages/saveSection11Entry", Map.of("input", input), member.get().caller(), request);
        Submission submission = Submission.of(answer, "saveSection11Entry", "rag");
        if (submission.refusal() != null) {
            return switch (submission.refusal()) {
                case "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED" ->
                    errors.notFound(member.get().visitor(), request);
                default -> errors.serviceProblem(member.get().visitor(), request, answer.correlationId());
            };
        }
        if (submission.saved()) {
            return HttpResponse.seeOther(
                    URI.create(Section11Pages.auditHref(tenant, audit) + "?saved=" + criterion.id()));
        }
        Map<String, String> placed = new LinkedHashMap<>();
        QUESTIONS.stream()
                .filter(submission.errors()::containsKey)
                .forEach(question -> placed.put(question, submission.errors().get(question)));
        submission.errors().forEach((field, message) -> {
            if (!QUESTIONS.contains(field)) {
                placed.putIfAbsent("rag", message);
            }
        });
        return page(
                member.get(),
                read,
                found,
                criterion,
                form.withErrors(placed),
                submission.conflict() ? conflict(found, criterion, form) : null,
                HttpStatus.BAD_REQUEST,
                request);
    }

    private PageOperations.Answer read(String tenant, String audit, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run(
                "pages/section11Criterion", Map.of("slug", tenant, "id", audit), member.caller(), request);
    }

    private static @Nullable Entry entry(Audit audit, String id) {
        return audit.entries().stream()
                .filter(entry -> entry.id().equals(id))
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<?> page(
            MemberPages.Member member,
            PageOperations.Answer read,
            Audit audit,
            Entry criterion,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String auditHref = Section11Pages.auditHref(member.tenantSlug(), audit.id());
        String standard = Section11Pages.standards(read, audit, auditHref).stream()
                .filter(group -> group.number().equals(criterion.standard()))
                .findFirst()
                .map(group -> "Standard " + group.number() + (group.title().isBlank() ? "" : ": " + group.title()))
                .orElse("Standard " + criterion.standard());
        List<Option> ratings = RATINGS.stream()
                .map(rating -> new Option(rating, Labels.of(rating)))
                .toList();
        String title = (form.hasErrors() ? "Error: " : "") + "Criterion " + criterion.criterion() + " – "
                + Section11Pages.title(audit);
        return templates.page(
                status,
                "section11Criterion",
                members.layout(member, title, read, request),
                new CriterionForm(
                        auditHref + "/criteria/" + criterion.id(),
                        auditHref,
                        audit.round(),
                        standard,
                        criterion.criterion(),
                        criterion.criterionText(),
                        ParticipationFeedbackPages.keptVersion(form, conflict, criterion.version()),
                        form,
                        conflict,
                        ratings));
    }

    /** The saved answers beside this person's; who changed the audit last says who got there first. */
    private static Conflict conflict(Audit audit, Entry theirs, Form yours) {
        List<Conflict.Row> rows = new ArrayList<>();
        rows.add(row("Rating", Labels.of(theirs.rag()), Labels.of(blankAsNull(yours.value("rag")))));
        rows.add(row("How your organisation meets it", theirs.narrative(), yours.value("narrative")));
        rows.add(row("Evidence", theirs.evidence(), yours.value("evidence")));
        List<Conflict.Row> differing = rows.stream()
                .filter(row -> !Objects.equals(row.theirs(), row.yours()))
                .toList();
        return Conflict.of(
                Objects.requireNonNullElse(audit.lastChange(), NullNode.getInstance()),
                differing.isEmpty() ? rows : differing);
    }

    private static Conflict.Row row(String label, @Nullable String theirs, @Nullable String yours) {
        return new Conflict.Row(label, theirs == null ? "" : theirs, yours == null ? "" : yours.strip());
    }

    private static @Nullable String blankAsNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static int version(Form form) {
        try {
            return Integer.parseInt(form.value("version"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
