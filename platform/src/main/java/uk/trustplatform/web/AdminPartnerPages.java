package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import uk.trustplatform.web.OrganisationPages.Gaps;
import uk.trustplatform.web.OrganisationPages.Service;

/**
 * The partnership admin's partner organisations: the hierarchy (agencies with their services below
 * them) with each partner's category, whether it is statutory and the gaps the board sees;
 * registering one, with the org-id.guide form of its identifier; changing one and placing it under
 * another (a cycle is the API's to refuse, and its reason is shown on the question); the people of
 * an organisation in their partnership roles; and inviting one of them to sign in as its partner
 * lead. Only the tenant admin finds these pages.
 */
@Controller("/{tenant}/admin/partners")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdminPartnerPages {

    /** A page of the list as the API gives it (its page-size limit); a partnership's partners fit in a few. */
    private static final int MOST_PAGES = 20;

    private static final String PARTNERS = "partners";
    private static final String NAME = "name";
    private static final String INVITE = "invite";
    private static final String REMOVE = "remove";
    private static final String CONFLICT = "conflict";

    static final List<Option> ROLES = List.of(
            new Option("STRATEGIC_LEAD", "Strategic lead"),
            new Option("PARTICIPATION_CHAMPION", "Participation champion"),
            new Option("DESIGNATED_OFFICER", "Designated officer for allegations (LADO)"),
            new Option("LEAD_MEMBER", "Lead member for children's services"));

    /** What the notification says after each change. */
    private static final Map<String, String> BANNERS = Map.of(
            "registered", "The organisation is registered",
            "saved", "The organisation's details are saved",
            "added", "The person is added",
            "changed", "The person's details are saved",
            "removed", "The person is removed");

    static final List<Option> YES_NO = List.of(new Option("yes", "Yes"), new Option("no", "No"));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final TenantAdmins admins;
    private final ErrorPages errors;

    AdminPartnerPages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            TenantAdmins admins,
            ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.admins = admins;
        this.errors = errors;
    }

    /** An organisation of the list as the API gives it. */
    public record Listed(
            String id,
            String name,
            String organisationIdentifier,
            String category,
            boolean statutory,
            Service parent,
            Gaps gaps) {}

    /** One row of the hierarchy: services sit below their organisation, one step in per level. */
    public record Row(
            String href,
            String name,
            int depth,
            @Nullable String partOf,
            String identifier,
            @Nullable String category,
            boolean statutory,
            Gaps gaps) {

        public boolean service() {
            return depth > 0;
        }
    }

    public record ListPage(List<Row> rows, @Nullable String banner, String registerHref) {}

    public record Person(
            String id,
            int version,
            String name,
            String jobTitle,
            String email,
            String telephone,
            List<String> roles,
            boolean invitedToSignIn,
            JsonNode lastChange) {

        public String roleWords() {
            return String.join(
                    ", ", roles.stream().map(AdminPartnerPages::roleLabel).toList());
        }
    }

    /** One organisation as the admin reads it. */
    public record Partner(
            String id,
            int version,
            String name,
            String organisationIdentifier,
            String category,
            String sector,
            boolean statutory,
            Service parent,
            List<Service> services,
            Gaps gaps,
            List<Person> people,
            JsonNode lastChange) {

        @Nullable
        Person person(String personId) {
            return people.stream()
                    .filter(person -> person.id().equals(personId))
                    .findFirst()
                    .orElse(null);
        }
    }

    public record PartnerPage(
            Partner partner,
            @Nullable String category,
            String href,
            @Nullable String banner) {}

    /** Registering or changing an organisation. */
    public record OrganisationForm(
            String title,
            String backHref,
            Form form,
            List<Option> categories,
            List<Option> sectors,
            List<Option> parents,
            @Nullable Conflict conflict) {

        public List<Option> yesNo() {
            return YES_NO;
        }
    }

    /** Adding or changing a person of an organisation. */
    public record PersonForm(
            String title,
            String organisation,
            String backHref,
            Form form,
            @Nullable Conflict conflict) {

        public List<Option> roles() {
            return ROLES;
        }
    }

    /** Confirming a person's removal, or their invitation to sign in as the partner lead. */
    public record PersonDecision(Partner partner, Person person, String backHref, Form form) {}

    /** What the invitation did: shown once, since a development password is never shown again. */
    public record Invited(
            String name,
            String partner,
            String username,
            String temporaryPassword,
            boolean invitationSent,
            String href) {}

    /** The partnership's organisations, read page by page, and its partner categories. */
    private record Organisations(PageOperations.Answer first, List<Listed> all) {}

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        Organisations organisations = organisations(admin.member(), request);
        if (organisations == null) {
            return errors.serviceProblem(admin.member().visitor(), request, null);
        }
        Map<String, String> categories = OrganisationPages.categories(organisations.first());
        Map<String, Listed> byId = new HashMap<>();
        organisations.all().forEach(organisation -> byId.put(organisation.id(), organisation));
        Map<String, String> paths = paths(organisations.all().stream()
                .map(organisation -> new Placed(
                        organisation.id(),
                        organisation.name(),
                        organisation.parent() == null
                                ? null
                                : organisation.parent().id()))
                .toList());
        List<Row> rows = organisations.all().stream()
                .sorted(Comparator.comparing(organisation -> paths.get(organisation.id())))
                .map(organisation -> {
                    Listed parent = organisation.parent() == null
                            ? null
                            : byId.get(organisation.parent().id());
                    return new Row(
                            TenantAdmins.href(tenant, PARTNERS, organisation.id()),
                            organisation.name(),
                            depth(Objects.requireNonNull(
                                    paths.get(organisation.id()), "every organisation listed has its path")),
                            parent == null ? null : parent.name(),
                            organisation.organisationIdentifier(),
                            categories.get(organisation.category()),
                            organisation.statutory(),
                            organisation.gaps());
                })
                .toList();
        return templates.page(
                "adminPartners",
                members.layout(admin.member(), "Partner organisations", organisations.first(), request),
                new ListPage(rows, TenantAdmins.banner(done, BANNERS), TenantAdmins.href(tenant, PARTNERS) + "/new"));
    }

    @Get("/new")
    HttpResponse<?> registering(String tenant, @Nullable @QueryValue String parent, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        PageOperations.Answer read = read(admin.member(), "", request);
        Map<String, String> values = new HashMap<>();
        values.put("parentId", parent == null ? "" : parent);
        values.put("statutory", "no");
        return organisationForm(admin.member(), read, null, Form.of(values), null, HttpStatus.OK, request);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        TenantAdmins.Admin admin = admins.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        TenantAdmins.Sent sent = admins.send(
                admin.member(),
                "registerPartnerOrganisation",
                "registerPartnerOrganisation",
                organisationInput(form),
                NAME,
                request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            String id =
                    submission.payload().path("partnerOrganisation").path("id").asText();
            return HttpResponse.seeOther(URI.create(TenantAdmins.href(tenant, PARTNERS, id) + "?done=registered"));
        }
        PageOperations.Answer read = read(admin.member(), "", request);
        return organisationForm(
                admin.member(),
                read,
                null,
                form.withErrors(submission.errors()),
                null,
                HttpStatus.BAD_REQUEST,
                request);
    }

    @Get("/{id}")
    HttpResponse<?> partner(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Partner partner = reading.partner();
        return templates.page(
                "adminPartner",
                members.layout(reading.member(), partner.name(), reading.read(), request),
                new PartnerPage(
                        partner,
                        OrganisationPages.categories(reading.read()).get(partner.category()),
                        TenantAdmins.href(tenant, PARTNERS, partner.id()),
                        TenantAdmins.banner(done, BANNERS)));
    }

    @Get("/{id}/edit")
    HttpResponse<?> editing(String tenant, String id, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        return organisationForm(
                reading.member(),
                reading.read(),
                reading.partner(),
                Form.of(organisationValues(reading.partner())),
                null,
                HttpStatus.OK,
                request);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reading> steps = reading(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Map<String, Object> input = organisationInput(form);
        input.put("id", reading.partner().id());
        input.put("version", ActionPlanPages.number(form.value("version")));
        // The partner lead's own details page sends the same mutation: one operation for both pages.
        TenantAdmins.Sent sent = admins.send(
                reading.member(), "updateOrganisationDetails", "updatePartnerOrganisation", input, NAME, request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(TenantAdmins.href(tenant, PARTNERS, id) + "?done=saved"));
        }
        Partner now = reading.partner();
        if (!submission.conflict()) {
            return organisationForm(
                    reading.member(),
                    reading.read(),
                    now,
                    form.withErrors(submission.errors()),
                    null,
                    HttpStatus.BAD_REQUEST,
                    request);
        }
        Map<String, String> categories = OrganisationPages.categories(reading.read());
        Map<String, String> theirs = organisationValues(now);
        Map<String, String> parents = new HashMap<>();
        parentOptions(reading.read(), null).forEach(option -> parents.put(option.value(), option.label()));
        List<Conflict.Row> rows = new ArrayList<>();
        rows.add(new Conflict.Row("Name", theirs.get(NAME), form.value(NAME)));
        rows.add(new Conflict.Row(
                "Organisation identifier",
                given(theirs.get("organisationIdentifier")),
                given(form.value("organisationIdentifier"))));
        rows.add(new Conflict.Row(
                "Category",
                given(categories.get(theirs.get("category"))),
                given(categories.get(form.value("category")))));
        rows.add(new Conflict.Row(
                "Sector",
                OrganisationPages.label(theirs.getOrDefault("sector", "")),
                OrganisationPages.label(form.value("sector"))));
        rows.add(new Conflict.Row(
                "Statutory partner", yesOrNo(theirs.get("statutory")), yesOrNo(form.value("statutory"))));
        rows.add(new Conflict.Row(
                "Sits under", parents.get(theirs.get("parentId")), parents.get(form.value("parentId"))));
        Conflict conflict = Conflict.of(now.lastChange(), rows);
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        // Saving again replaces their version on purpose: the form now carries it.
        values.put("version", List.of(String.valueOf(now.version())));
        Form kept = new Form(
                values,
                Map.of(
                        CONFLICT,
                        conflict.by() + " changed this organisation since you opened it: check both versions"));
        return organisationForm(reading.member(), reading.read(), now, kept, conflict, HttpStatus.BAD_REQUEST, request);
    }

    @Get("/{id}/people/new")
    HttpResponse<?> addingPerson(String tenant, String id, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        return personForm(reading, null, Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/people/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addPerson(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return savePerson(tenant, id, null, body, request);
    }

    @Get("/{id}/people/{personId}")
    HttpResponse<?> changingPerson(String tenant, String id, String personId, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, personId, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Person person = reading.namedPerson();
        return personForm(reading, person, new Form(personValues(person), Map.of()), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/people/{personId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> changePerson(
            String tenant, String id, String personId, @Nullable @Body String body, HttpRequest<?> request) {
        return savePerson(tenant, id, personId, body, request);
    }

    @Get("/{id}/people/{personId}/remove")
    HttpResponse<?> removing(String tenant, String id, String personId, HttpRequest<?> request) {
        return personDecision(tenant, id, personId, "adminPersonRemove", "Remove ", request);
    }

    @Post(value = "/{id}/people/{personId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(
            String tenant, String id, String personId, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reading> steps = reading(tenant, id, personId, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Person person = reading.namedPerson();
        TenantAdmins.Sent sent = admins.send(
                reading.member(),
                "removePartnerPerson",
                "removePartnerPerson",
                Map.of("id", person.id(), "version", ActionPlanPages.number(form.value("version"))),
                REMOVE,
                request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(TenantAdmins.href(tenant, PARTNERS, id) + "?done=removed"));
        }
        String why = submission.conflict()
                ? Conflict.of(person.lastChange(), List.of()).by() + " changed " + person.name()
                        + "'s details since you opened this page: check them before you remove them"
                : String.join(" ", submission.errors().values());
        return templates.page(
                HttpStatus.BAD_REQUEST,
                "adminPersonRemove",
                members.layout(reading.member(), "Error: Remove " + person.name(), reading.read(), request),
                new PersonDecision(
                        reading.partner(),
                        person,
                        TenantAdmins.href(tenant, PARTNERS, id),
                        Form.of(Map.of("version", String.valueOf(person.version())))
                                .withErrors(Map.of(REMOVE, why))));
    }

    @Get("/{id}/people/{personId}/invite")
    HttpResponse<?> inviting(String tenant, String id, String personId, HttpRequest<?> request) {
        return personDecision(tenant, id, personId, "adminPartnerInvite", "Invite ", request);
    }

    @Post(value = "/{id}/people/{personId}/invite", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> invite(
            String tenant, String id, String personId, @Nullable @Body String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reading> steps = reading(tenant, id, personId, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Partner partner = reading.partner();
        Person person = reading.namedPerson();
        TenantAdmins.Sent sent = admins.send(
                reading.member(),
                "invitePartnerLead",
                "invitePartnerLead",
                Map.of("personId", person.id()),
                INVITE,
                request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (!submission.saved()) {
            // The API names the person it could not invite; on this page that is the invitation itself.
            return templates.page(
                    HttpStatus.BAD_REQUEST,
                    "adminPartnerInvite",
                    members.layout(reading.member(), "Error: Invite " + person.name(), reading.read(), request),
                    new PersonDecision(
                            partner,
                            person,
                            TenantAdmins.href(tenant, PARTNERS, id),
                            Form.empty()
                                    .withErrors(Map.of(
                                            INVITE,
                                            String.join(" ", submission.errors().values())))));
        }
        JsonNode invited = submission.payload();
        return templates.page(
                "adminPartnerInvited",
                members.layout(reading.member(), person.name() + " is invited", reading.read(), request),
                new Invited(
                        person.name(),
                        partner.name(),
                        invited.path("username").asText(),
                        invited.path("temporaryPassword").asText(null),
                        invited.path("invitationSent").asBoolean(),
                        TenantAdmins.href(tenant, PARTNERS, id)));
    }

    private HttpResponse<?> savePerson(
            String tenant, String id, @Nullable String personId, @Nullable String body, HttpRequest<?> request) {
        Form form = FormBody.parse(body);
        Steps<Reading> steps = reading(tenant, id, personId, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Person person = reading.person();
        Map<String, Object> input = new HashMap<>();
        if (person == null) {
            input.put("partnerOrganisationId", reading.partner().id());
        } else {
            input.put("id", person.id());
            input.put("version", ActionPlanPages.number(form.value("version")));
        }
        input.put(NAME, form.value(NAME));
        input.put("jobTitle", form.value("jobTitle"));
        input.put("email", form.value("email"));
        input.put("telephone", form.value("telephone"));
        input.put("roles", chosenRoles(form));
        TenantAdmins.Sent sent =
                admins.send(reading.member(), "savePartnerPerson", "savePartnerPerson", input, NAME, request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(
                    TenantAdmins.href(tenant, PARTNERS, id) + "?done=" + (person == null ? "added" : "changed")));
        }
        // Only a change carries a version that can conflict: a person being added is new.
        if (person == null || !submission.conflict()) {
            return personForm(
                    reading, person, form.withErrors(submission.errors()), null, HttpStatus.BAD_REQUEST, request);
        }
        Conflict conflict = Conflict.of(
                person.lastChange(),
                List.of(
                        new Conflict.Row("Name", person.name(), form.value(NAME)),
                        new Conflict.Row("Job title", given(person.jobTitle()), given(form.value("jobTitle"))),
                        new Conflict.Row("Work email", given(person.email()), given(form.value("email"))),
                        new Conflict.Row("Work telephone", given(person.telephone()), given(form.value("telephone"))),
                        new Conflict.Row(
                                "Roles",
                                given(person.roleWords()),
                                given(String.join(
                                        ", ",
                                        chosenRoles(form).stream()
                                                .map(AdminPartnerPages::roleLabel)
                                                .toList())))));
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        values.put("version", List.of(String.valueOf(person.version())));
        Form kept = new Form(
                values,
                Map.of(
                        CONFLICT,
                        conflict.by() + " changed " + person.name()
                                + "'s details since you opened them: check both versions"));
        return personForm(reading, person, kept, conflict, HttpStatus.BAD_REQUEST, request);
    }

    private HttpResponse<?> personDecision(
            String tenant, String id, String personId, String template, String verb, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, personId, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Person person = reading.namedPerson();
        return templates.page(
                template,
                members.layout(reading.member(), verb + person.name(), reading.read(), request),
                new PersonDecision(
                        reading.partner(),
                        person,
                        TenantAdmins.href(tenant, PARTNERS, id),
                        Form.of(Map.of("version", String.valueOf(person.version())))));
    }

    private HttpResponse<?> organisationForm(
            MemberPages.Member member,
            PageOperations.Answer read,
            @Nullable Partner partner,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = partner == null ? "Register a partner organisation" : "Change " + partner.name();
        String back = partner == null
                ? TenantAdmins.href(member.tenantSlug(), PARTNERS)
                : TenantAdmins.href(member.tenantSlug(), PARTNERS, partner.id());
        List<Option> categories = new ArrayList<>();
        categories.add(new Option("", "No category"));
        read.data()
                .path("vocabularies")
                .path("partnerCategories")
                .forEach(category -> categories.add(new Option(
                        category.path("code").asText(),
                        category.path("label").asText(),
                        category.path("description").asText(null))));
        return templates.page(
                status,
                "adminPartnerForm",
                members.layout(member, (form.hasErrors() ? "Error: " : "") + title, read, request),
                new OrganisationForm(
                        title,
                        back,
                        form,
                        List.copyOf(categories),
                        OrganisationPages.SECTORS,
                        parentOptions(read, partner == null ? null : partner.id()),
                        conflict));
    }

    private HttpResponse<?> personForm(
            Reading reading,
            @Nullable Person person,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = person == null ? "Add a person" : "Change " + person.name() + "'s details";
        return templates.page(
                status,
                "adminPersonForm",
                members.layout(reading.member(), (form.hasErrors() ? "Error: " : "") + title, reading.read(), request),
                new PersonForm(
                        title,
                        reading.partner().name(),
                        TenantAdmins.href(
                                reading.member().tenantSlug(),
                                PARTNERS,
                                reading.partner().id()),
                        form,
                        conflict));
    }

    /**
     * An organisation the admin is working on, with the person of it on a person's pages (none on
     * the organisation's own): what the pages' shared first steps find.
     */
    private record Reading(
            MemberPages.Member member,
            PageOperations.Answer read,
            Partner partner,
            @Nullable Person person) {

        /** The person of a person's pages: a reading for a person's id finds them, or is refused. */
        Person namedPerson() {
            return Objects.requireNonNull(person, "a reading for a person's id has found them");
        }
    }

    private Steps<Reading> reading(String tenant, String id, @Nullable Form form, HttpRequest<?> request) {
        return reading(tenant, id, null, form, request);
    }

    /** As above; with {@code personId}, a person who is not of this organisation is not found either. */
    private Steps<Reading> reading(
            String tenant, String id, @Nullable String personId, @Nullable Form form, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return Steps.refused(admin.refusal());
        }
        PageOperations.Answer read = read(admin.member(), id, request);
        Partner partner = read.as("node", Partner.class);
        Person person = partner == null || personId == null ? null : partner.person(personId);
        if (partner == null || partner.id() == null || (personId != null && person == null)) {
            return Steps.refused(errors.notFound(admin.member().visitor(), request));
        }
        return Steps.found(new Reading(admin.member(), read, partner, person));
    }

    private PageOperations.Answer read(MemberPages.Member member, String id, HttpRequest<?> request) {
        return operations.run(
                "pages/adminPartner", Map.of("slug", member.tenantSlug(), "id", id), member.caller(), request);
    }

    private @Nullable Organisations organisations(MemberPages.Member member, HttpRequest<?> request) {
        PageOperations.Answer first = null;
        List<Listed> all = new ArrayList<>();
        String after = null;
        for (int page = 0; page < MOST_PAGES; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("slug", member.tenantSlug());
            variables.put("after", after);
            PageOperations.Answer answer = operations.run("pages/adminPartners", variables, member.caller(), request);
            JsonNode connection = answer.data().path("partnerOrganisations");
            if (!connection.isObject()) {
                return null;
            }
            first = first == null ? answer : first;
            connection.path("edges").forEach(edge -> all.add(answer.convert(edge.path("node"), Listed.class)));
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                break;
            }
            after = connection.path("pageInfo").path("endCursor").asText();
        }
        return new Organisations(Objects.requireNonNull(first, "the first page is always read"), all);
    }

    /** An organisation and the one it sits under, to place it in the hierarchy. */
    private record Placed(String id, String name, @Nullable String parentId) {}

    /**
     * Each organisation's place in the hierarchy as the names from the top down, joined with " › ":
     * sorted, these put every service right below its organisation.
     */
    private static Map<String, String> paths(List<Placed> organisations) {
        Map<String, Placed> byId = new HashMap<>();
        organisations.forEach(organisation -> byId.put(organisation.id(), organisation));
        Map<String, String> paths = new HashMap<>();
        for (Placed organisation : organisations) {
            List<String> names = new ArrayList<>();
            Placed at = organisation;
            // The API refuses cycles; the bound only guards the page against a parent it cannot see.
            for (int level = 0; at != null && level < organisations.size(); level++) {
                names.addFirst(at.name());
                at = at.parentId() == null ? null : byId.get(at.parentId());
            }
            paths.put(organisation.id(), String.join(" › ", names));
        }
        return paths;
    }

    private static int depth(String path) {
        return path.split(" › ", -1).length - 1;
    }

    /** Where an organisation may be placed: at the top, or under any other (a cycle the API explains). */
    private static List<Option> parentOptions(PageOperations.Answer read, @Nullable String self) {
        List<Placed> organisations = new ArrayList<>();
        read.data()
                .path("partnerOrganisations")
                .path("edges")
                .forEach(edge -> organisations.add(new Placed(
                        edge.path("node").path("id").asText(),
                        edge.path("node").path(NAME).asText(),
                        edge.path("node").path("parent").path("id").asText(null))));
        Map<String, String> paths = paths(organisations);
        List<Option> options = new ArrayList<>();
        options.add(new Option("", "None: a partner in its own right"));
        organisations.stream()
                .filter(organisation -> !organisation.id().equals(self))
                .sorted(Comparator.comparing(organisation -> paths.get(organisation.id())))
                .forEach(organisation -> options.add(new Option(
                        organisation.id(),
                        Objects.requireNonNull(
                                paths.get(organisation.id()), "every organisation listed has its path"))));
        return List.copyOf(options);
    }

    private static Map<String, Object> organisationInput(Form form) {
        Map<String, Object> input = new HashMap<>();
        input.put(NAME, form.value(NAME));
        input.put("organisationIdentifier", blankAsNull(form.value("organisationIdentifier")));
        input.put("category", blankAsNull(form.value("category")));
        input.put("sector", blankAsNull(form.value("sector")));
        input.put("statutory", form.value("statutory").equals("yes"));
        input.put("parentId", blankAsNull(form.value("parentId")));
        return input;
    }

    private static Map<String, String> organisationValues(Partner partner) {
        Map<String, String> values = new HashMap<>();
        values.put("version", String.valueOf(partner.version()));
        values.put(NAME, partner.name());
        values.put("organisationIdentifier", Objects.requireNonNullElse(partner.organisationIdentifier(), ""));
        values.put("category", Objects.requireNonNullElse(partner.category(), ""));
        values.put("sector", Objects.requireNonNullElse(partner.sector(), ""));
        values.put("statutory", partner.statutory() ? "yes" : "no");
        values.put("parentId", partner.parent() == null ? "" : partner.parent().id());
        return values;
    }

    private static Map<String, List<String>> personValues(Person person) {
        Map<String, List<String>> values = new HashMap<>();
        values.put("version", List.of(String.valueOf(person.version())));
        values.put(NAME, List.of(person.name()));
        values.put("jobTitle", List.of(Objects.requireNonNullElse(person.jobTitle(), "")));
        values.put("email", List.of(Objects.requireNonNullElse(person.email(), "")));
        values.put("telephone", List.of(Objects.requireNonNullElse(person.telephone(), "")));
        values.put("roles", person.roles());
        return values;
    }

    /** The roles ticked that the API knows: a forged value is dropped rather than sent as a bad enum. */
    private static List<String> chosenRoles(Form form) {
        return ROLES.stream()
                .map(Option::value)
                .filter(form.all("roles")::contains)
                .toList();
    }

    static String roleLabel(String role) {
        return ROLES.stream()
                .filter(option -> option.value().equals(role))
                .map(Option::label)
                .findFirst()
                .orElse(Labels.of(role));
    }

    private static @Nullable String blankAsNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static String yesOrNo(@Nullable String answer) {
        return "yes".equals(answer) ? "Yes" : "No";
    }

    private static String given(@Nullable String value) {
        return value == null || value.isBlank() ? "Not given" : value;
    }
}
