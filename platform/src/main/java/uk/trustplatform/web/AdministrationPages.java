package uk.trustplatform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Where a partnership's tenant admin keeps the partnership: one page naming each part they look
 * after, with what waits for them (drafts not yet published). Anyone else, the board included,
 * finds no such page.
 */
@Controller("/{tenant}/admin")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AdministrationPages {

    /** The document lists the page counts drafts in, as the API names them. */
    private static final List<String> DOCUMENT_LISTS =
            List.of("standardsFrameworks", "strategies", "actionPlanTemplates", "charters", "pledges", "guidance");

    /** Each part of the partnership an admin keeps, under the admin's own address. */
    public static final List<Area> AREAS = List.of(
            new Area(
                    "Configuration documents",
                    "/admin/documents",
                    "The strategy, standards frameworks, action-plan templates, charter of values, pledge,"
                            + " vocabularies and guidance: edit drafts, publish them, start the next edition,"
                            + " copy a starter kit."),
            new Area(
                    "Partner organisations",
                    "/admin/partners",
                    "Register the agencies of the partnership and the services below them, their people,"
                            + " and invite each agency's partner lead."),
            new Area(
                    "Governance bodies",
                    "/admin/governance",
                    "The board, its sub-groups and forums, and who sits on them."),
            new Area(
                    "Partnership settings",
                    "/admin/settings",
                    "The participation champions asked of each partner, how long before a pledge's renewal"
                            + " date it is due, and the quiet periods kept clear of consultation."),
            new Area(
                    "Partner systems",
                    "/admin/integrations",
                    "Let an agency's own system read and update its records through the API, and withdraw it."),
            new Area(
                    "Sign-in",
                    "/admin/sign-in",
                    "Let the council's staff sign in with the council's own accounts (for example Microsoft"
                            + " Entra ID)."),
            new Area(
                    "Regional forums",
                    "/admin/forums",
                    "Which figures the partnership shares with the regional forums it belongs to."),
            new Area(
                    "History",
                    "/history",
                    "Every change made in the partnership: who made it, when, and what changed."));

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;
    private final TenantAdmins administrators;
    private final ErrorPages errors;

    AdministrationPages(
            PageOperations operations,
            PageTemplates templates,
            MemberPages members,
            TenantAdmins administrators,
            ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
        this.administrators = administrators;
        this.errors = errors;
    }

    /** @param path below the partnership's address, for example {@code /admin/partners} */
    public record Area(String title, String path, String description) {}

    public record AdministrationPage(String slug, String partnershipName, int drafts, List<Area> areas) {}

    @Get
    HttpResponse<?> show(String tenant, HttpRequest<?> request) {
        TenantAdmins.Admin admin = administrators.admin(tenant, null, request);
        if (admin.refusal() != null) {
            return admin.refusal();
        }
        MemberPages.Member member = admin.member();
        PageOperations.Answer answer =
                operations.run("pages/administration", Map.of("slug", tenant), member.caller(), request);
        if (answer.errorCode() != null) {
            return errors.refused(member.visitor(), request, answer.errorCode(), answer.correlationId());
        }
        return templates.page(
                "administration",
                members.layout(member, "Administration", answer, request),
                new AdministrationPage(
                        tenant, answer.data().path("tenant").path("name").asText(), drafts(answer.data()), AREAS));
    }

    private static int drafts(JsonNode data) {
        long documents = DOCUMENT_LISTS.stream()
                .flatMap(list ->
                        StreamSupport.stream(data.path(list).path("edges").spliterator(), false))
                .filter(edge -> edge.path("node").path("status").asText().equals("DRAFT"))
                .count();
        return (int) documents
                + (data.path("vocabularies").path("status").asText().equals("DRAFT") ? 1 : 0);
    }
}
