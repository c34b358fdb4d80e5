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
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A partnership's public pledge register, for anyone: the agencies with a current pledge, and the pledge they signed. */
@Controller("/{tenant}/pledge-register")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class PledgeRegisterPages {

    private final PartnershipPublications publications;
    private final PageTemplates templates;

    PledgeRegisterPages(PartnershipPublications publications, PageTemplates templates) {
        this.publications = publications;
        this.templates = templates;
    }

    /**
     * @param pledge null when the partnership has published none
     * @param kiteMarks the kite marks young inspectors awarded that have not expired, newest first
     */
    public record RegisterPage(
            String partnershipName,
            List<Entry> entries,
            @Nullable Pledge pledge,
            List<KiteMark> kiteMarks) {}

    /** A kite mark as the public sees it: the agency, the service inspected, when and until when, never the inspectors. */
    public record KiteMark(String agencyName, String serviceName, String awardedOn, String expiresOn) {}

    public record Published(Pledge pledge, List<Framework> standardsFrameworks) {}

    public record Pledge(String title, String framework, String statement, List<Commitment> commitments) {}

    /** @param standardTitle the title of the standard in the pledge's framework; null if it names none */
    public record Commitment(
            String standard, String text, @Nullable String standardTitle) {}

    public record Framework(String key, List<Standard> standards) {}

    public record Standard(String number, String title) {}

    public record Register(List<Entry> entries) {}

    public record Entry(String name, String categoryLabel, String registeredOn) {}

    @Get
    HttpResponse<String> show(String tenant, HttpRequest<?> request) {
        return publications.show(tenant, "pages/pledgeRegister", Map.of("slug", tenant), request, found -> {
            Published published = found.answer().as("publishedConfiguration", Published.class);
            Register register = found.answer().as("publicPledgeRegister", Register.class);
            List<KiteMark> kiteMarks = found.answer().list("publicKiteMarks", KiteMark.class);
            return templates.page(
                    "pledgeRegister",
                    publications.layout(found, "Pledge register", request),
                    new RegisterPage(
                            found.partnership().name(),
                            register == null ? List.of() : register.entries(),
                            published == null ? null : withStandardTitles(published),
                            kiteMarks));
        });
    }

    private static @Nullable Pledge withStandardTitles(Published published) {
        Pledge pledge = published.pledge();
        if (pledge == null) {
            return null;
        }
        List<Standard> standards = published.standardsFrameworks().stream()
                .filter(framework -> framework.key().equals(pledge.framework()))
                .findFirst()
                .map(Framework::standards)
                .orElse(List.of());
        List<Commitment> commitments = pledge.commitments().stream()
                .map(commitment -> new Commitment(
                        commitment.standard(),
                        commitment.text(),
                        standards.stream()
                                .filter(standard -> Objects.equals(standard.number(), commitment.standard()))
                                .map(Standard::title)
                                .findFirst()
                                .orElse(null)))
                .toList();
        return new Pledge(pledge.title(), pledge.framework(), pledge.statement(), commitments);
    }
}
