package uk.trustplatform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The accessibility check every journey relies on refuses a page that breaks WCAG, and only such a page. */
class AccessibilityCheckIT {

    private static final String ADDRESS = "http://localhost:9/a-page-axe-checks";

    @Test
    void a_page_with_an_unlabelled_field_and_an_image_without_text_fails_the_check() {
        String html = """
                <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
                <body><main><h1>Broken</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <form><input type="text" name="reason"></form>
                </main></body></html>""";

        assertThatThrownBy(() -> WebSite.assertAccessible(ADDRESS, html, "a broken page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt")
                .hasMessageContaining("label");
    }

    @Test
    void the_same_page_made_accessible_passes_and_the_next_check_sees_only_its_own_page() {
        String broken = """
                <!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
                <body><main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>""";
        String fixed = """
                <!DOCTYPE html><html lang="en"><head><title>Fixed</title></head>
                <body><main><h1>Fixed</h1>
                <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="The partnership's logo">
                <form><label for="reason">Reason</label><input id="reason" type="text" name="reason"></form>
                </main></body></html>""";

        assertThatThrownBy(() -> WebSite.assertAccessible(ADDRESS, broken, "a broken page"))
                .isInstanceOf(AssertionError.class);
        assertThatCode(() -> WebSite.assertAccessible(ADDRESS, fixed, "the same page fixed"))
                .doesNotThrowAnyException();
    }
}
