package uk.trustplatform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The platform's web pages as a person reaches them in Chromium: through Keycloak's real sign-in
 * page, with JavaScript off. Every page visited can be checked with axe (WCAG 2.2 AA) and kept as
 * a screenshot.
 */
public final class WebSite {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final AtomicInteger AXE_CHECKS = new AtomicInteger();
    /**
     * Runs axe (loaded into the checking page by {@link TestBrowser}) at WCAG 2.2 AA and answers how
     * many rules passed and each violation in words. Passing rules are counted, not listed node by
     * node: that costs time and says nothing.
     */
    private static final String RUN_AXE = """
            async tags => {
              const results = await axe.run(document, {
                runOnly: { type: 'tag', values: tags },
                resultTypes: ['violations']
              });
              return {
                passes: results.passes.length,
                violations: results.violations.map(rule => rule.id + ': ' + rule.help + ' '
                    + rule.nodes.map(node => node.target.join(' ')).join(', '))
              };
            }""";

    private final int port;

    private WebSite(int port) {
        this.port = port;
    }

    /** A site on a free port, allowed by the test Keycloak's web client as a place to return to. */
    public static WebSite onFreePort() {
        WebSite site = new WebSite(freePort());
        TestKeycloak.allowWebPagesAt(site.baseUrl());
        return site;
    }

    /** The platform's settings for this site: its port and public address, the real Keycloak. */
    public Map<String, String> platformProperties() {
        Map<String, String> properties = new HashMap<>(TestKeycloak.platformProperties());
        properties.put("micronaut.server.port", String.valueOf(port));
        properties.put("trust.public-url", baseUrl());
        properties.put("trust.web.secure-cookies", "false");
        return properties;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public String url(String path) {
        return baseUrl() + path;
    }

    /** A new browser profile with JavaScript off. */
    public BrowserContext browser() {
        return TestBrowser.withoutJavaScript();
    }

    public static Response open(Page page, String url) {
        return page.navigate(url);
    }

    /**
     * Does what submits a form or follows a link, and returns the page it loaded. Playwright
     * deprecates waitForNavigation as racy for pages whose script changes the address; these
     * pages work without JavaScript, so every step is a whole new document, which it waits for
     * exactly, also when the address stays the same (a form shown again with its errors).
     */
    @SuppressWarnings("deprecation")
    public static Response loadedBy(Page page, Runnable action) {
        return page.waitForNavigation(action);
    }

    /** Signs in from the partnership's "Sign in" through Keycloak's login page; returns where it landed. */
    public String signIn(Page page, String tenant, String username, String password) {
        page.navigate(url("/" + tenant + "/sign-in"));
        page.fill("#username", username);
        if (page.locator("#password").count() == 0) {
            // Keycloak with organizations asks for the username first, then the password.
            page.click("#kc-login");
        }
        page.fill("#password", password);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(baseUrl()));
        page.waitForLoadState(LoadState.LOAD);
        return page.url().substring(baseUrl().length());
    }

    /**
     * Checks the page as it is now with axe, at WCAG 2.2 AA. The page's HTML is served again to a
     * browser with JavaScript on (axe runs inside the page), so error states reached by a form
     * post are checked as they were shown.
     */
    public static void assertAccessible(Page page, String what) {
        // A click that navigates returns once the new page is committed, maybe before it is parsed:
        // its HTML is read only when it has loaded, or axe would check an empty document.
        page.waitForLoadState(LoadState.LOAD);
        assertAccessible(page.url(), page.content(), what);
    }

    /** Checks this HTML with axe, as if it had been served at this address. */
    static synchronized void assertAccessible(String url, String html, String what) {
        Page checking = TestBrowser.accessibilityChecking();
        Predicate<String> thisPage = url::equals;
        Consumer<Route> serveTheHtml = route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200)
                .setContentType("text/html; charset=utf-8")
                .setBody(html));
        checking.route(thisPage, serveTheHtml);
        try {
            checking.navigate(url);
            Map<?, ?> results = (Map<?, ?>) checking.evaluate(RUN_AXE, WCAG);
            AXE_CHECKS.incrementAndGet();
            assertThat((Integer) results.get("passes"))
                    .as("axe ran its rules on %s", what)
                    .isPositive();
            assertThat((List<?>) results.get("violations"))
                    .as("axe violations on %s (%s)", what, url)
                    .isEmpty();
        } finally {
            checking.unroute(thisPage, serveTheHtml);
        }
    }

    /** How many pages and error states axe has checked in this test run. */
    public static int axeChecks() {
        return AXE_CHECKS.get();
    }

    /**
     * Keeps the page as a screenshot under {@code target/screenshots} when the run asks for them
     * ({@code -Dtrust.test.screenshots=true}): a full-page screenshot costs about as long as an axe
     * check and proves nothing, so an ordinary run takes none.
     */
    public static void screenshot(Page page, String name) {
        if (!Boolean.getBoolean("trust.test.screenshots")) {
            return;
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Path.of("target/screenshots", name + ".png"))
                .setFullPage(true));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
