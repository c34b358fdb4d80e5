package uk.trustplatform.pledges;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.trustplatform.pledges.PublicPledgeRegister.Result;
import uk.trustplatform.pledges.PublicPledgeRegister.Verification;

/**
 * The pledge badge a partner puts in its literature, and the page its address leads to, which
 * says whether the pledge is current. Anyone may fetch both. A code that does not exist gets a
 * plain "not found", the same whatever the reason.
 */
@Controller("/pledges/{tenant}/{code}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class PledgeBadgeController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
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

    /** The verification page. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> verify(String tenant, String code) {
        Verification found = register.verify(tenant, code);
        HttpStatus status = found.result() == Result.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.OK;
        return HttpResponse.<String>status(status).body(page(found)).header("Cache-Control", "no-store");
    }

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
                        xml(badge.pledgeTitle()),
                        xml(badge.tenantName()),
                        xml(badge.organisationName()),
                        xml(badge.verificationUrl()));
    }

    private static String notFoundSvg() {
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="360" height="40" role="img" aria-label="Pledge not found"><text x="8" y="24" font-family="Arial, sans-serif" font-size="14">Pledge not found</text></svg>
                """;
    }

    static String page(Verification found) {
        String verdict = switch (found.result()) {
            case CURRENT -> "This pledge is current.";
            case LAPSED -> "This pledge has lapsed: it was not renewed by its renewal date.";
            case WITHDRAWN -> "This pledge has been withdrawn.";
            case NOT_FOUND -> "No pledge has this address.";
        };
        String details = found.result() == Result.NOT_FOUND
                ? ""
                : """
                  <dl>
                    <dt>Organisation</dt><dd>%s</dd>
                    <dt>Partnership</dt><dd>%s</dd>
                    <dt>Pledge</dt><dd>%s</dd>
                    <dt>Registered</dt><dd>%s</dd>
                    <dt>Renewal due</dt><dd>%s</dd>
                  </dl>
                """.formatted(
                                xml(found.organisationName()),
                                xml(found.tenantName()),
                                xml(found.pledgeTitle()),
                                found.registeredOn().format(DAY),
                                found.renewalDueOn().format(DAY));
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Pledge check – Trust Platform</title></head>
                <body>
                <main>
                  <h1>Pledge check</h1>
                  <p id="verdict" data-result="%s">%s</p>
                %s</main>
                </body>
                </html>
                """.formatted(found.result(), verdict, details);
    }

    /** Text made safe inside XML and HTML. */
    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
