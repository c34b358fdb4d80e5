package uk.trustplatform.devstack.embedded;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The system's Chromium driven by Playwright, headless, for browser tests. Playwright never
 * downloads a browser here; Chromium comes from the operating system ({@code apt-get install
 * chromium}, which {@code .ci/run} does where it is missing), or from {@code TRUST_CHROMIUM}.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("TRUST_CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> ARGUMENTS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static HeadlessChromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Browser tests need Chromium at " + EXECUTABLE
                    + ": install it (apt-get install -y chromium, as .ci/run does) or set TRUST_CHROMIUM.");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(ARGUMENTS));
        return new HeadlessChromium(playwright, browser);
    }

    /** A fresh browser profile: no cookies, no storage; JavaScript on or off. */
    public BrowserContext newContext(boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(javaScript));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
