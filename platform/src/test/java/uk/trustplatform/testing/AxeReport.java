package uk.trustplatform.testing;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Says at the end of a test run how many pages and error states axe checked (each with no violation, or the run failed). */
public final class AxeReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (WebSite.axeChecks() > 0) {
            System.out.printf(
                    "Accessibility: %d pages and error states checked with axe at WCAG 2.2 AA.%n", WebSite.axeChecks());
        }
    }
}
