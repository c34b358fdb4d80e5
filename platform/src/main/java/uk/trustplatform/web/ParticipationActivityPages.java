package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import uk.trustplatform.web.ParticipationPages.Named;
import uk.trustplatform.web.ParticipationPages.Vocabularies;
import uk.trustplatform.web.TypedValues.Typed;

/**
 * Recording an activity in the participation register, and changing one, in the partnership's own
 * age bands, audience groups and methods (its published vocabularies). A change made from a
 * version someone else has since replaced shows their version beside what was typed.
 */
@Controller("/{tenant}/participation")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class ParticipationActivityPages {

    /** The form's questions in the order they are asked: the error summary lists them so. */
    private static final List<String> QUESTIONS = List.of(
            "partnerOrganisationId",
            "title",
            "purpose",
            "decisionInformed",
            "decisionStage",
            "decisionDueOn",
            "startsOn",
            "endsOn",
            "ageBands",
            "audienceGroups",
            "methods",
            "participants",
            "ladderRung",
            "hearByRightStage",
            "feedbackDueOn");

    /** The stages of Medway's commissioning cycle, as the schema's enum names them, in Medway's words. */
    private static final List<Option> DECISION_STAGES = List.of(
            new Option(
                    "UNDERSTAND",
                    "Understand",
                    "A needs analysis is a way of estimating the nature and extent of the needs of a population so"
                            + " that services can be planned accordingly."),
            new Option("PLAN", "Plan", "Develop a plan of how needs will best be met."),
            new Option(
                    "DO",
                    "Do",
                    "Putting the plan into practice: ceasing or adapting an existing service, commissioning a new"
                            + " service."),
            new Option(
                    "REVIEW",
                    "Review",
                    "Monitor and evaluate the services/support provided to ensure it is meeting the identified"
                            + " needs."));

    /** Hear by Right's stages of practice, as the schema's enum names them. */
    private static final List<String> HEAR_BY_RIGHT_STAGES = List.of("EMERGING", "ESTABLISHED", "ADVANCED");

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final ErrorPages errors;

    ParticipationActivityPages(
            PageOperations operations, PageTemplates templates, MemberPages members, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.errors = errors;
    }

    /** An activity as it is saved, to fill the form with and to show beside a stale edit. */
    public record SavedActivity(
            String id,
            Integer version,
            String title,
            String purpose,
            String decisionInformed,
            String decisionStage,
            String decisionDueOn,
            String startsOn,
            String endsOn,
            List<String> ageBands,
            List<String> audienceGroups,
            List<String> methods,
            Integer participants,
            Integer ladderRung,
            String hearByRightStage,
            String feedbackDueOn,
            Named partnerOrganisation,
            JsonNode lastChange) {}

    public record Organisation(String id, String name) {}

    public record Organisations(List<OrganisationEdge> edges) {}

    public record OrganisationEdge(Organisation node) {}

    public record Viewer(Organisation partnerOrganisation) {}

    /**
     * The activity form, with its choices built from the partnership's vocabularies; no version
     * while an activity is recorded, and no organisation it is run by while one is to be chosen.
     */
    public record ActivityForm(
            String heading,
            String action,
            String backHref,
            String submitLabel,
            Form form,
            @Nullable Conflict conflict,
            boolean changing,
            @Nullable String version,
            @Nullable String runBy,
            List<Option> organisations,
            List<Option> decisionStages,
            List<Option> ageBands,
            List<Option> audienceGroups,
            List<Option> methods,
            List<Option> ladderRungs,
            List<Option> hearByRightStages) {}

    @Get("/new")
    HttpResponse<?> record(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, null, member.get(), request);
        return show(member.get(), read, null, Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> recordSubmitted(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(tenant, null, body, request);
    }

    @Get("/activities/{id}/change")
    HttpResponse<?> change(String tenant, String id, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        SavedActivity saved = saved(read);
        if (saved == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        return show(member.get(), read, saved, answers(saved), null, HttpStatus.OK, request);
    }

    @Post(value = "/activities/{id}/change", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changeSubmitted(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return submitted(tenant, id, body, request);
    }

    private HttpResponse<?> submitted(
            String tenant, @Nullable String id, @Nullable String body, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Form form = FormBody.parse(body);
        if (!Visitors.csrfMatches(member.get().visitor(), form)) {
            return errors.forbidden(member.get().visitor(), request);
        }
        PageOperations.Answer read = read(tenant, id, member.get(), request);
        SavedActivity saved = saved(read);
        if (id != null && saved == null) {
            return errors.notFound(member.get().visitor(), request);
        }
        Vocabularies words = Vocabularies.of(read);
        Map<String, String> typingProblems = new LinkedHashMap<>();
        Map<String, Object> input = input(form, saved, words, organisations(read), typingProblems);
        if (!typingProblems.isEmpty()) {
            return show(
                    member.get(), read, saved, form.withErrors(typingProblems), null, HttpStatus.BAD_REQUEST, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/saveParticipationActivity",
                Map.of("input", input),
                member.get().caller(),
                request);
        Submission submission = Submission.of(answer, "saveParticipationActivity", "title");
        if (submission.refusal() != null) {
            return refused(member.get(), submission.refusal(), answer, request);
        }
        if (submission.saved()) {
            String savedId = submission
                    .payload()
                    .path("participationActivity")
                    .path("id")
                    .asText();
            return HttpResponse.seeOther(URI.create(ParticipationPages.activityHref(tenant, savedId) + "?saved="
                    + (id == null ? "recorded" : "changed")));
        }
        Conflict conflict = submission.conflict() ? conflict(saved, form, words) : null;
        return show(
                member.get(),
                read,
                saved,
                form.withErrors(onQuestions(submission.errors())),
                conflict,
                HttpStatus.BAD_REQUEST,
                request);
    }

    /** A form the API refused as a whole ({@link Submission#refusal}), by the code it refused it with. */
    private HttpResponse<?> refused(
            MemberPages.Member member, String refusal, PageOperations.Answer answer, HttpRequest<?> request) {
        return switch (refusal) {
            case "FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED" -> errors.notFound(member.visitor(), request);
            default -> errors.serviceProblem(member.visitor(), request, answer.correlationId());
        };
    }

    private PageOperations.Answer read(
            String tenant, @Nullable String id, MemberPages.Member member, HttpRequest<?> request) {
        return operations.run(
                "pages/participationActivityForm",
                Map.of("slug", tenant, "id", id == null ? "" : id, "changing", id != null),
                member.caller(),
                request);
    }

    private static @Nullable SavedActivity saved(PageOperations.Answer read) {
        SavedActivity saved = read.as("activity", SavedActivity.class);
        return saved == null || saved.id() == null ? null : saved;
    }

    private static List<Organisation> organisations(PageOperations.Answer read) {
        Organisations listed = read.as("partnerOrganisations", Organisations.class);
        return listed == null
                ? List.of()
                : listed.edges().stream().map(OrganisationEdge::node).toList();
    }

    /** The mutation's input from the form; what cannot be typed as the API asks is put in {@code problems}. */
    private static Map<String, Object> input(
            Form form,
            @Nullable SavedActivity saved,
            Vocabularies words,
            List<Organisation> organisations,
            Map<String, String> problems) {
        Map<String, Object> input = new HashMap<>();
        if (saved != null) {
            input.put("id", saved.id());
            input.put("version", version(form));
        } else {
            input.put(
                    "partnerOrganisationId",
                    organisations.size() == 1 ? organisations.getFirst().id() : form.value("partnerOrganisationId"));
        }
        input.put("title", form.value("title"));
        input.put("purpose", form.value("purpose"));
        input.put("decisionInformed", blankAsNull(form.value("decisionInformed")));
        String decisionStage = form.value("decisionStage");
        input.put(
                "decisionStage",
                DECISION_STAGES.stream().anyMatch(option -> option.value().equals(decisionStage))
                        ? decisionStage
                        : null);
        input.put(
                "decisionDueOn",
                typed(
                        TypedValues.date(form, "decisionDueOn", "The date the decision is due"),
                        "decisionDueOn",
                        problems));
        input.put("startsOn", typed(TypedValues.date(form, "startsOn", "Start date"), "startsOn", problems));
        input.put("endsOn", typed(TypedValues.date(form, "endsOn", "End date"), "endsOn", problems));
        input.put("ageBands", form.all("ageBands"));
        input.put("audienceGroups", form.all("audienceGroups"));
        input.put("methods", form.all("methods"));
        input.put(
                "participants",
                typed(
                        TypedValues.wholeNumber(form, "participants", "The number taking part"),
                        "participants",
                        problems));
        input.put(
                "ladderRung",
                typed(
                        TypedValues.wholeNumber(form, "ladderRung", "The rung of Hart's ladder"),
                        "ladderRung",
                        problems));
        String stage = form.value("hearByRightStage");
        input.put("hearByRightStage", HEAR_BY_RIGHT_STAGES.contains(stage) ? stage : null);
        input.put(
                "feedbackDueOn",
                typed(TypedValues.date(form, "feedbackDueOn", "The date feedback is due"), "feedbackDueOn", problems));
        return input;
    }

    private static <T> @Nullable T typed(Typed<T> answer, String question, Map<String, String> problems) {
        if (answer.refused()) {
            problems.put(question, answer.problem());
        }
        return answer.value();
    }

    /** The version the form was filled from; one that is no number is as stale as any other. */
    private static int version(Form form) {
        try {
            return Integer.parseInt(form.value("version"));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** The API's errors on the form's questions, in the order they are asked. */
    private static Map<String, String> onQuestions(Map<String, String> apiErrors) {
        Map<String, String> placed = new HashMap<>();
        apiErrors.forEach((field, message) -> {
            placed.putIfAbsent(QUESTIONS.contains(field) ? field : "title", message);
        });
        Map<String, String> ordered = new LinkedHashMap<>();
        QUESTIONS.stream().filter(placed::containsKey).forEach(question -> ordered.put(question, placed.get(question)));
        return ordered;
    }

    private HttpResponse<?> show(
            MemberPages.Member member,
            PageOperations.Answer read,
            @Nullable SavedActivity saved,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String tenant = member.tenantSlug();
        Vocabularies words = Vocabularies.of(read);
        List<Organisation> organisations = organisations(read);
        boolean changing = saved != null;
        String heading = changing ? "Change the activity" : "Record an activity";
        String title = saved != null ? heading + ": " + saved.title() : heading;
        String version = saved != null ? ParticipationFeedbackPages.keptVersion(form, conflict, saved.version()) : null;
        ActivityForm page = new ActivityForm(
                heading,
                saved != null
                        ? ParticipationPages.activityHref(tenant, saved.id()) + "/change"
                        : "/" + tenant + "/participation/new",
                saved != null ? ParticipationPages.activityHref(tenant, saved.id()) : "/" + tenant + "/participation",
                changing ? "Save the changes" : "Record the activity",
                form,
                conflict,
                changing,
                version,
                saved != null
                        ? saved.partnerOrganisation().name()
                        : organisations.size() == 1 ? organisations.getFirst().name() : null,
                changing || organisations.size() < 2
                        ? List.of()
                        : organisations.stream()
                                .map(organisation -> new Option(organisation.id(), organisation.name()))
                                .toList(),
                decisionStages(),
                words.ageBands().stream()
                        .map(band -> new Option(
                                band.label(), band.label() + " (" + band.fromAge() + " to " + band.toAge() + ")"))
                        .toList(),
                words.audienceGroups().stream()
                        .map(group -> new Option(group.code(), group.label(), group.description()))
                        .toList(),
                words.participationMethods().stream()
                        .map(method -> new Option(method.code(), method.label(), method.description()))
                        .toList(),
                ladderRungs(words),
                hearByRightStages());
        String documentTitle = (form.hasErrors() ? "Error: " : "") + title + " – Participation register";
        return templates.page(
                status, "participationActivityForm", members.layout(member, documentTitle, read, request), page);
    }

    /** The rungs in force, with "not rated" first. */
    private static List<Option> ladderRungs(Vocabularies words) {
        List<Option> rungs = new ArrayList<>();
        rungs.add(new Option("", "Not rated yet"));
        words.hartsLadderLevels()
                .forEach(level -> rungs.add(new Option(
                        String.valueOf(level.rung()),
                        "Rung " + level.rung() + ": " + level.name(),
                        level.description())));
        return List.copyOf(rungs);
    }

    /** The stages of the commissioning cycle, with "not known yet" first. */
    private static List<Option> decisionStages() {
        List<Option> stages = new ArrayList<>();
        stages.add(new Option("", "Not known yet"));
        stages.addAll(DECISION_STAGES);
        return List.copyOf(stages);
    }

    private static List<Option> hearByRightStages() {
        List<Option> stages = new ArrayList<>();
        stages.add(new Option("", "Not rated yet"));
        HEAR_BY_RIGHT_STAGES.forEach(stage -> stages.add(new Option(stage, Labels.of(stage))));
        return List.copyOf(stages);
    }

    /** The saved activity as the form's answers. */
    private static Form answers(SavedActivity saved) {
        Map<String, String> single = new LinkedHashMap<>();
        single.put("title", saved.title());
        single.put("purpose", saved.purpose());
        single.put("decisionInformed", saved.decisionInformed());
        single.put("decisionStage", saved.decisionStage());
        TypedValues.putDate(single, "decisionDueOn", saved.decisionDueOn());
        TypedValues.putDate(single, "startsOn", saved.startsOn());
        TypedValues.putDate(single, "endsOn", saved.endsOn());
        single.put("participants", saved.participants() == null ? null : String.valueOf(saved.participants()));
        single.put("ladderRung", saved.ladderRung() == null ? null : String.valueOf(saved.ladderRung()));
        single.put("hearByRightStage", saved.hearByRightStage());
        TypedValues.putDate(single, "feedbackDueOn", saved.feedbackDueOn());
        Map<String, List<String>> values = new LinkedHashMap<>(Form.of(single).values());
        values.put("ageBands", saved.ageBands());
        values.put("audienceGroups", saved.audienceGroups());
        values.put("methods", saved.methods());
        return new Form(values, Map.of());
    }

    /** Their saved version beside what this person typed, question by question, where the two differ. */
    private static @Nullable Conflict conflict(@Nullable SavedActivity theirs, Form yours, Vocabularies words) {
        if (theirs == null) {
            return null;
        }
        List<Conflict.Row> rows = new ArrayList<>();
        rows.add(row("Title", theirs.title(), yours.value("title")));
        rows.add(row("Why you are asking", theirs.purpose(), yours.value("purpose")));
        rows.add(row("Decision it informs", theirs.decisionInformed(), yours.value("decisionInformed")));
        rows.add(row(
                "Stage of the decision",
                Labels.of(theirs.decisionStage()),
                Labels.of(blankAsNull(yours.value("decisionStage")))));
        rows.add(row("Decision due", Dates.day(theirs.decisionDueOn()), typedDate(yours, "decisionDueOn")));
        rows.add(row("Start date", Dates.day(theirs.startsOn()), typedDate(yours, "startsOn")));
        rows.add(row("End date", Dates.day(theirs.endsOn()), typedDate(yours, "endsOn")));
        rows.add(row("Age bands", String.join(", ", theirs.ageBands()), String.join(", ", yours.all("ageBands"))));
        rows.add(row(
                "Groups",
                words.forWhom(List.of(), theirs.audienceGroups()),
                words.forWhom(List.of(), yours.all("audienceGroups"))));
        rows.add(row("How they take part", words.methods(theirs.methods()), words.methods(yours.all("methods"))));
        rows.add(row(
                "Number taking part",
                theirs.participants() == null ? "" : String.valueOf(theirs.participants()),
                yours.value("participants")));
        rows.add(row(
                "Hart's ladder",
                words.rung(theirs.ladderRung()),
                yours.value("ladderRung").isBlank() ? "" : words.rung(rung(yours.value("ladderRung")))));
        rows.add(row(
                "Hear by Right stage",
                Labels.of(theirs.hearByRightStage()),
                Labels.of(blankAsNull(yours.value("hearByRightStage")))));
        rows.add(row("Feedback due", Dates.day(theirs.feedbackDueOn()), typedDate(yours, "feedbackDueOn")));
        List<Conflict.Row> differing = rows.stream()
                .filter(row -> !Objects.equals(row.theirs(), row.yours()))
                .toList();
        return Conflict.of(
                Objects.requireNonNullElse(theirs.lastChange(), NullNode.getInstance()),
                differing.isEmpty() ? rows : differing);
    }

    private static Conflict.Row row(String label, String theirs, String yours) {
        return new Conflict.Row(label, theirs == null ? "" : theirs, yours == null ? "" : yours.strip());
    }

    private static String typedDate(Form form, String name) {
        Typed<String> date = TypedValues.date(form, name, "");
        if (date.value() != null) {
            return Dates.day(date.value());
        }
        return String.join(" ", form.value(name + "-day"), form.value(name + "-month"), form.value(name + "-year"))
                .strip();
    }

    private static @Nullable Integer rung(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static @Nullable String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
