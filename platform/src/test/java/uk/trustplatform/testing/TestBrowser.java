package uk.trustplatform.testing;

import com.microsoft.playwright.BrowserContext;
import uk.trustplatform.devstack.embedded.HeadlessChromium;

/** The system's Chromium for browser tests, started on first use and kept for the rest of the test run. */
public final class TestBrowser {

    private static HeadlessChromium chromium;

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

    /** A fresh profile with JavaScript on, for accessibility checks (axe runs inside the page). */
    public static synchronized BrowserContext withJavaScript() {
        return chromium().newContext(true);
    }
}
