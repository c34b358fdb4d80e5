package uk.trustplatform.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
     * page). Kept for the run: a new profile per check fetched the stylesheets again each time.
     */
    static synchronized Page accessibilityChecking() {
        if (accessibilityChecking == null) {
            accessibilityChecking = chromium().newContext(true).newPage();
        }
        return accessibilityChecking;
    }
}
