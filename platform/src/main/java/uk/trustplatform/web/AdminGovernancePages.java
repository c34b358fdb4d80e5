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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.trustplatform.web.OrganisationPages.Service;

/**
 * The partnership admin's governance bodies (the board, its sub-groups, task groups, district
 * delivery groups, youth forums: the body types of the partnership's vocabularies), what each
 * reports to, and who sits on it: a partner organisation, optionally the person who represents it,
 * and their role on the body. Only the tenant admin finds these pages.
 */
@Controller("/{tenant}/admin/governance")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdminGovernancePages {

    private static final String GOVERNANCE = "governance";
    private static final String NAME = "name";

    /** What the notification says after each change. */
    private static final Map<String, String> BANNERS = Map.of(
            "formed", "The governance body is formed",
            "saved", "The governance body is saved",
            "member-added", "The member is added",
            "member-removed", "The member is removed");

    private static final String ORGANISATION = "partnerOrganisationId";
    private static final String CONFLICT = "conflict";

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final TenantAdmins admins;
    private final ErrorPages errors;

    AdminGovernancePages(
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

    /** Who sits on a body; an organisation or person the caller may not see is null. */
    public record Membership(String id, String role, Service partnerOrganisation, Service person) {

        public String organisationName() {
            return partnerOrganisation == null ? "" : partnerOrganisation.name();
        }

        public String personName() {
            return person == null ? "" : person.name();
        }
    }

    public record GovernanceBody(
            String id,
            int version,
            String name,
            String type,
            Service parent,
            JsonNode lastChange,
            List<Membership> memberships) {}

    /** A body of the list, with its type in the partnership's words. */
    public record Listed(GovernanceBody body, String typeLabel, String href) {}

    public record ListPage(List<Listed> bodies, @Nullable String banner, String newHref) {}

    /** One body, who sits on it, and the form that adds a member. */
    public record BodyPage(
            GovernanceBody body,
            String typeLabel,
            String href,
            @Nullable String banner,
            Form form,
            List<Option> organisations,
            List<Option> people) {}

    /** Forming or changing a body. */
    public record BodyForm(
            String title,
            String backHref,
            Form form,
            List<Option> types,
            List<Option> parents,
            @Nullable Conflict conflict) {}

    @Get
    HttpResponse<?> list(String tenant, @Nullable @QueryValue String done, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        PageOperations.Answer read = read(admin.member(), request);
        if (!read.data().path("governanceBodies").isObject()) {
            return errors.serviceProblem(admin.member().visitor(), request, read.correlationId());
        }
        Map<String, String> types = types(read);
        List<Listed> bodies = bodies(read).stream()
                .map(body -> new Listed(
                        body,
                        types.getOrDefault(body.type(), body.type()),
                        TenantAdmins.href(tenant, GOVERNANCE, body.id())))
                .toList();
        return templates.page(
                "adminGovernance",
                members.layout(admin.member(), "Governance bodies", read, request),
                new ListPage(
                        bodies, TenantAdmins.banner(done, BANNERS), TenantAdmins.href(tenant, GOVERNANCE) + "/new"));
    }

    @Get("/new")
    HttpResponse<?> forming(String tenant, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        return bodyForm(
                admin.member(), read(admin.member(), request), null, Form.empty(), null, HttpStatus.OK, request);
    }

    @Post(value = "/new", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> form(String tenant, @Nullable @Body String body, HttpRequest<?> request) {
        return save(tenant, null, body, request);
    }

    @Get("/{id}")
    HttpResponse<?> body(String tenant, String id, @Nullable @QueryValue String done, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        return bodyPage(reading, TenantAdmins.banner(done, BANNERS), Form.empty(), HttpStatus.OK, request);
    }

    @Get("/{id}/edit")
    HttpResponse<?> editing(String tenant, String id, HttpRequest<?> request) {
        Steps<Reading> steps = reading(tenant, id, null, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        GovernanceBody body = reading.body();
        return bodyForm(reading.member(), reading.read(), body, Form.of(values(body)), null, HttpStatus.OK, request);
    }

    @Post(value = "/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> edit(String tenant, String id, @Nullable @Body String body, HttpRequest<?> request) {
        return save(tenant, id, body, request);
    }

    @Post(value = "/{id}/members", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addMember(String tenant, String id, @Nullable @Body String text, HttpRequest<?> request) {
        Form form = FormBody.parse(text);
        Steps<Reading> steps = reading(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        Map<String, Object> input = new HashMap<>();
        input.put("governanceBodyId", reading.body().id());
        input.put(ORGANISATION, form.value(ORGANISATION));
        input.put("personId", form.value("personId").isBlank() ? null : form.value("personId"));
        input.put("role", form.value("role"));
        TenantAdmins.Sent sent = admins.send(
                reading.member(), "addGovernanceMembership", "addGovernanceMembership", input, ORGANISATION, request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            return HttpResponse.seeOther(URI.create(TenantAdmins.href(tenant, GOVERNANCE, id) + "?done=member-added"));
        }
        Map<String, String> refused = new LinkedHashMap<>(submission.errors());
        if (refused.remove("governanceBodyId") != null) {
            return errors.notFound(reading.member().visitor(), request);
        }
        return bodyPage(reading, null, form.withErrors(refused), HttpStatus.BAD_REQUEST, request);
    }

    @Post(value = "/{id}/members/{membershipId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> removeMember(
            String tenant, String id, String membershipId, @Nullable @Body String text, HttpRequest<?> request) {
        Form form = FormBody.parse(text);
        Steps<Reading> steps = reading(tenant, id, form, request);
        if (steps.refusal() != null) {
            return steps.refusal();
        }
        Reading reading = steps.found();
        boolean ofThisBody = reading.body().memberships().stream()
                .anyMatch(membership -> membership.id().equals(membershipId));
        if (!ofThisBody) {
            return errors.notFound(reading.member().visitor(), request);
        }
        TenantAdmins.Sent sent = admins.send(
                reading.member(),
                "removeGovernanceMembership",
                "removeGovernanceMembership",
                Map.of("id", membershipId),
                "id",
                request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        // Removed meanwhile by someone else is removed all the same: either way the member is gone.
        return HttpResponse.seeOther(URI.create(TenantAdmins.href(tenant, GOVERNANCE, id) + "?done=member-removed"));
    }

    private HttpResponse<?> save(String tenant, @Nullable String id, @Nullable String text, HttpRequest<?> request) {
        Form form = FormBody.parse(text);
        MemberPages.Member member;
        PageOperations.Answer read;
        GovernanceBody body = null;
        if (id == null) {
            TenantAdmins.Admin admin = admins.admin(tenant, form, request);
            if (admin.refusal() != null) {
                return admin.refusal();
            }
            member = admin.member();
            read = read(member, request);
        } else {
            Steps<Reading> steps = reading(tenant, id, form, request);
            if (steps.refusal() != null) {
                return steps.refusal();
            }
            Reading reading = steps.found();
            member = reading.member();
            read = reading.read();
            body = reading.body();
        }
        Map<String, Object> input = new HashMap<>();
        if (body != null) {
            input.put("id", body.id());
            input.put("version", ActionPlanPages.number(form.value("version")));
        }
        input.put(NAME, form.value(NAME));
        input.put("type", form.value("type"));
        input.put("parentId", form.value("parentId").isBlank() ? null : form.value("parentId"));
        TenantAdmins.Sent sent = admins.send(member, "saveGovernanceBody", "saveGovernanceBody", input, NAME, request);
        if (sent.refusal() != null) {
            return sent.refusal();
        }
        Submission submission = sent.submission();
        if (submission.saved()) {
            String saved =
                    submission.payload().path("governanceBody").path("id").asText();
            return HttpResponse.seeOther(URI.create(
                    TenantAdmins.href(tenant, GOVERNANCE, saved) + "?done=" + (body == null ? "formed" : "saved")));
        }
        // Only a change carries a version that can conflict: a body being formed is new.
        if (body == null || !submission.conflict()) {
            return bodyForm(
                    member, read, body, form.withErrors(submission.errors()), null, HttpStatus.BAD_REQUEST, request);
        }
        Map<String, String> types = types(read);
        Map<String, String> parents = new HashMap<>();
        bodies(read).forEach(each -> parents.put(each.id(), each.name()));
        Conflict conflict = Conflict.of(
                body.lastChange(),
                List.of(
                        new Conflict.Row("Name", body.name(), form.value(NAME)),
                        new Conflict.Row("Kind of body", types.get(body.type()), types.get(form.value("type"))),
                        new Conflict.Row(
                                "Reports to",
                                body.parent() == null ? "None" : body.parent().name(),
                                parents.getOrDefault(form.value("parentId"), "None"))));
        Map<String, List<String>> values = new LinkedHashMap<>(form.values());
        // Saving again replaces their version on purpose: the form now carries it.
        values.put("version", List.of(String.valueOf(body.version())));
        Form kept = new Form(
                values,
                Map.of(CONFLICT, conflict.by() + " changed this body since you opened it: check both versions"));
        return bodyForm(member, read, body, kept, conflict, HttpStatus.BAD_REQUEST, request);
    }

    private HttpResponse<?> bodyPage(
            Reading reading, @Nullable String banner, Form form, HttpStatus status, HttpRequest<?> request) {
        GovernanceBody body = reading.body();
        List<Option> organisations = new ArrayList<>();
        organisations.add(new Option("", "Choose an organisation"));
        List<Option> people = new ArrayList<>();
        people.add(new Option("", "No one named"));
        reading.read().data().path("partnerOrganisations").path("edges").forEach(edge -> {
            JsonNode organisation = edge.path("node");
            organisations.add(new Option(
                    organisation.path("id").asText(), organisation.path(NAME).asText()));
            organisation
                    .path("people")
                    .forEach(person -> people.add(new Option(
                            person.path("id").asText(),
                            person.path(NAME).asText() + ", "
                                    + organisation.path(NAME).asText())));
        });
        return templates.page(
                status,
                "adminGovernanceBody",
                members.layout(
                        reading.member(), (form.hasErrors() ? "Error: " : "") + body.name(), reading.read(), request),
                new BodyPage(
                        body,
                        types(reading.read()).getOrDefault(body.type(), body.type()),
                        TenantAdmins.href(reading.member().tenantSlug(), GOVERNANCE, body.id()),
                        banner,
                        form,
                        List.copyOf(organisations),
                        List.copyOf(people)));
    }

    private HttpResponse<?> bodyForm(
            MemberPages.Member member,
            PageOperations.Answer read,
            @Nullable GovernanceBody body,
            Form form,
            @Nullable Conflict conflict,
            HttpStatus status,
            HttpRequest<?> request) {
        String title = body == null ? "Form a governance body" : "Change " + body.name();
        List<Option> types = new ArrayList<>();
        read.data()
                .path("vocabularies")
                .path("governanceBodyTypes")
                .forEach(type -> types.add(new Option(
                        type.path("code").asText(),
                        type.path("label").asText(),
                        type.path("description").asText(null))));
        List<Option> parents = new ArrayList<>();
        parents.add(new Option("", "None"));
        bodies(read).stream()
                .filter(each -> body == null || !each.id().equals(body.id()))
                .forEach(each -> parents.add(new Option(each.id(), each.name())));
        return templates.page(
                status,
                "adminGovernanceForm",
                members.layout(member, (form.hasErrors() ? "Error: " : "") + title, read, request),
                new BodyForm(
                        title,
                        body == null
                                ? TenantAdmins.href(member.tenantSlug(), GOVERNANCE)
                                : TenantAdmins.href(member.tenantSlug(), GOVERNANCE, body.id()),
                        form,
                        List.copyOf(types),
                        List.copyOf(parents),
                        conflict));
    }

    /** A body the admin is working on, with the bodies read: what the pages' shared first steps find. */
    private record Reading(MemberPages.Member member, PageOperations.Answer read, GovernanceBody body) {}

    private Steps<Reading> reading(String tenant, String id, @Nullable Form form, HttpRequest<?> request) {
        TenantAdmins.Admin admin = admins.admin(tenant, form, request);
        if (admin.refusal() != null) {
            return Steps.refused(admin.refusal());
        }
        PageOperations.Answer read = read(admin.member(), request);
        GovernanceBody body = bodies(read).stream()
                .filter(each -> each.id().equals(id))
                .findFirst()
                .orElse(null);
        return body == null
                ? Steps.refused(errors.notFound(admin.member().visitor(), request))
                : Steps.found(new Reading(admin.member(), read, body));
    }

    private PageOperations.Answer read(MemberPages.Member member, HttpRequest<?> request) {
        return operations.run("pages/adminGovernance", Map.of("slug", member.tenantSlug()), member.caller(), request);
    }

    private static List<GovernanceBody> bodies(PageOperations.Answer read) {
        List<GovernanceBody> bodies = new ArrayList<>();
        read.data()
                .path("governanceBodies")
                .path("edges")
                .forEach(edge -> bodies.add(read.convert(edge.path("node"), GovernanceBody.class)));
        return bodies;
    }

    private static Map<String, String> types(PageOperations.Answer read) {
        Map<String, String> types = new HashMap<>();
        read.data()
                .path("vocabularies")
                .path("governanceBodyTypes")
                .forEach(type ->
                        types.put(type.path("code").asText(), type.path("label").asText()));
        return types;
    }

    private static Map<String, String> values(GovernanceBody body) {
        Map<String, String> values = new HashMap<>();
        values.put("version", String.valueOf(body.version()));
        values.put(NAME, body.name());
        values.put("type", body.type());
        values.put("parentId", body.parent() == null ? "" : body.parent().id());
        return values;
    }
}
