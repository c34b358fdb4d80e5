package uk.trustplatform.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

/**
 * The short GOV.UK pages the platform answers a browser with when it cannot show the page asked
 * for (an outage, an internal error, a rate limit): built from text alone, so that they need
 * nothing the failure may have taken away: no template, no session, no data.
 */
final class ServicePages {

    private ServicePages() {}

    /** Whether the client asked for a page (a browser) rather than for JSON. */
    static boolean wanted(HttpRequest<?> request) {
        return request.accept().stream().anyMatch(type -> type.getName().equals(MediaType.TEXT_HTML));
    }

    static String page(String heading, String text) {
        return """
                <!DOCTYPE html>
                <html lang="en" class="govuk-template">
                <head><meta charset="utf-8"><title>%1$s – Trust Platform</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <link rel="stylesheet" href="/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css"></head>
                <body class="govuk-template__body">
                <header class="govuk-header"><div class="govuk-header__container govuk-width-container">
                <span class="govuk-header__logotype-text">Trust Platform</span></div></header>
                <div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">%1$s</h1>
                <p class="govuk-body">%2$s</p>
                </main></div>
                </body>
                </html>
                """.formatted(heading, text);
    }
}
