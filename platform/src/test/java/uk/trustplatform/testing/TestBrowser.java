package uk.trustplatform.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import uk.trustplatform.devstack.embedded.HeadlessChromium;

/** The system's Chromium for browser tests, started on first use and kept for the rest of the test run. */
public final class TestBrowser {

    private static HeadlessChromium chromium;
    private static Page accessibilityChecking;

    private TestBrowser() {}

    private static synchronized HeadlessChromium chromium() {
        if (chromium == null) {
            chromium = HeadlessChromium.launch();
            Runtime.getRuntime().addShutdownHook(new Thread(chromium::close));
        }
        return chromium;
    }

    /** A fresh profile with JavaScript off: how every journey is driven, so that none needs it. */
    public static synchronized BrowserContext withoutJavaScript() {
        return chromium().newContext(false);
    }

    /** A fresh profile with JavaScript on. */
    public static synchronized BrowserContext withJavaScript() {
        return chromium().newContext(true);
    }

    /**
     * The one page with JavaScript on where axe checks every page in turn (axe runs inside the
     * page). Kept for the run: a new profile per check fetched the stylesheets again each time. axe
     * (half a megabyte of script) is handed to the browser once, to run in every document the page
     * opens, rather than sent again with each check.
     */
    static synchronized Page accessibilityChecking() {
        if (accessibilityChecking == null) {
            accessibilityChecking = chromium().newContext(true).newPage();
            accessibilityChecking.addInitScript(axeSource());
        }
        return accessibilityChecking;
    }

    /** axe-core as Deque packages it for Playwright. */
    private static String axeSource() {
        try (InputStream axe = TestBrowser.class.getResourceAsStream("/axe.min.js")) {
            return new String(
                    Objects.requireNonNull(axe, "axe.min.js is on the test classpath")
                            .readAllBytes(),
                    UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
