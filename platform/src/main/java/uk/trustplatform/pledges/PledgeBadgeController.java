package uk.trustplatform.pledges;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Objects;
import uk.trustplatform.pledges.PublicPledgeRegister.Result;
import uk.trustplatform.pledges.PublicPledgeRegister.Verification;

/**
 * The pledge badge a partner puts in its literature. Anyone may fetch it. A code that does not
 * exist gets a plain "not found", the same whatever the reason. The page the badge's address leads
 * to, which says whether the pledge is current, is a web page (PledgeCheckPages), fed by
 * verifyPledge like any client.
 */
@Controller("/pledges/{tenant}/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PledgeBadgeController {

    private final PublicPledgeRegister register;

    PledgeBadgeController(PublicPledgeRegister register) {
        this.register = register;
    }

    /** The badge: the pledge, the partnership and the organisation, with the address to verify it. */
    @Get(uri = "/badge.svg", produces = "image/svg+xml")
    HttpResponse<String> badge(String tenant, String code) {
        Verification found = register.verify(tenant, code);
        if (found.result() == Result.NOT_FOUND) {
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).body(notFoundSvg());
        }
        return HttpResponse.ok(svg(found)).header("Cache-Control", "public, max-age=3600");
    }

    /** Why a badge found has each of its words: only a verification that found nothing lacks them. */
    private static final String FOUND = "a badge found says what it stands for";

    static String svg(Verification badge) {
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="360" height="140" viewBox="0 0 360 140" role="img" aria-label="%1$s: %3$s, %2$s">
                  <title>%1$s: %3$s, %2$s</title>
                  <rect x="1" y="1" width="358" height="138" rx="8" fill="#ffffff" stroke="#1d70b8" stroke-width="2"/>
                  <rect x="1" y="1" width="358" height="36" rx="8" fill="#1d70b8"/>
                  <text x="16" y="25" font-family="Arial, sans-serif" font-size="16" font-weight="bold" fill="#ffffff">%1$s</text>
                  <text x="16" y="62" font-family="Arial, sans-serif" font-size="14" font-weight="bold" fill="#0b0c0c">%3$s</text>
                  <text x="16" y="84" font-family="Arial, sans-serif" font-size="12" fill="#0b0c0c">%2$s</text>
                  <text x="16" y="122" font-family="Arial, sans-serif" font-size="10" fill="#505a5f">Check it is current: %4$s</text>
                </svg>
                """.formatted(
                        xml(Objects.requireNonNull(badge.pledgeTitle(), FOUND)),
                        xml(Objects.requireNonNull(badge.tenantName(), FOUND)),
                        xml(Objects.requireNonNull(badge.organisationName(), FOUND)),
                        xml(Objects.requireNonNull(badge.verificationUrl(), FOUND)));
    }

    private static String notFoundSvg() {
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="360" height="40" role="img" aria-label="Pledge not found"><text x="8" y="24" font-family="Arial, sans-serif" font-size="14">Pledge not found</text></svg>
                """;
    }

    /** Text made safe inside XML. */
    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
