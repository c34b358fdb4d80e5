package uk.trustplatform.web;

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
import java.util.Optional;

/** A signed-in member's start page in a partnership: what there is to do. */
@Controller("/{tenant}/start")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class YourWorkPages {

    private final PageOperations operations;
    private final PageTemplates templates;
    private final MemberPages members;

    YourWorkPages(PageOperations operations, PageTemplates templates, MemberPages members) {
        this.operations = operations;
        this.templates = templates;
        this.members = members;
    }

    public record YourWork(Viewer viewer) {}

    public record Viewer(List<String> roles, Organisation partnerOrganisation) {}

    public record Organisation(String id, String name) {}

    @Get
    HttpResponse<?> show(String tenant, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        PageOperations.Answer answer = operations.run(
                "pages/yourWork", Map.of("slug", tenant), member.get().caller(), request);
        return templates.page(
                "yourWork",
                members.layout(member.get(), "Your work", answer, request),
                new YourWork(answer.as("viewer", Viewer.class)));
    }
}
