package uk.trustplatform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where a pledge badge's address leads: whether the pledge is current, lapsed or withdrawn. An
 * address that holds no badge (a made-up code, another partnership's code, a partnership that is
 * not open) is "not found", worded the same whatever the reason, outside any partnership's pages.
 * The badge image itself is the pledges feature's own ({@code badge.svg} below this address).
 */
@Controller("/pledges/{tenant}/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PledgeCheckPages {

    private static final String TITLE = "Pledge check";

    private final PageOperations operations;
    private final PageTemplates templates;
    private final Visitors visitors;
    private final ErrorPages errors;

    PledgeCheckPages(PageOperations operations, PageTemplates templates, Visitors visitors, ErrorPages errors) {
        this.operations = operations;
        this.templates = templates;
        this.visitors = visitors;
        this.errors = errors;
    }

    /** What the badge stands for; everything but {@code result} is null when it is not found. */
    public record Verification(
            String result,
            @Nullable String tenantName,
            @Nullable String organisationName,
            @Nullable String pledgeTitle,
            @Nullable String registeredOn,
            @Nullable String renewalDueOn) {

        static final Verification NOT_FOUND = new Verification("NOT_FOUND", null, null, null, null, null);

        public boolean found() {
            return !"NOT_FOUND".equals(result);
        }

        public String verdict() {
            return switch (result) {
                case "CURRENT" -> "This pledge is current.";
                case "LAPSED" -> "This pledge has lapsed: it was not renewed by its renewal date.";
                case "WITHDRAWN" -> "This pledge has been withdrawn.";
                default -> "No pledge has this address.";
            };
        }

        public String tagColour() {
            return switch (result) {
                case "CURRENT" -> "green";
                case "LAPSED" -> "orange";
                default -> "red";
            };
        }
    }

    /** @param registerHref the partnership's pledge register; null when not found */
    public record CheckPage(
            Verification verification, @Nullable String registerHref) {}

    @Get
    HttpResponse<String> show(String tenant, String code, HttpRequest<?> request) {
        boolean slug = Visitors.isSlug(tenant);
        Visitor visitor = slug ? visitors.tenantVisitor(request, tenant) : visitors.platformVisitor(request);
        Verification verification = Verification.NOT_FOUND;
        if (slug) {
            PageOperations.Answer answer = operations.run(
                    "pages/pledgeCheck", Map.of("slug", tenant, "code", code), visitor.caller(), request);
            if ("INTERNAL_ERROR".equals(answer.errorCode())) {
                return errors.serviceProblem(visitor, request, answer.correlationId());
            }
            Verification answered = answer.as("verifyPledge", Verification.class);
            if (answered != null && answered.found()) {
                verification = answered;
            }
        }
        if (!verification.found()) {
            return templates.page(
                    HttpStatus.NOT_FOUND,
                    "pledgeCheck",
                    visitors.layout(visitor, TITLE, null, request),
                    new CheckPage(verification, null));
        }
        return templates.page(
                "pledgeCheck",
                visitors.layout(
                        visitor,
                        TITLE,
                        new Layout.Partnership(
                                tenant,
                                Objects.requireNonNull(
                                        verification.tenantName(), "a badge that is found names its partnership")),
                        request),
                new CheckPage(verification, "/" + tenant + "/pledge-register"));
    }
}
