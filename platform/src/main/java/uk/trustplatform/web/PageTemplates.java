package uk.trustplatform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;

/** Renders a page's jte template (compiled with the code) inside the layout, as an HTML response. */
@Singleton
public final class PageTemplates {

    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** The template {@code pages/<name>.jte}, given the layout and the page's own view model. */
    public MutableHttpResponse<String> page(HttpStatus status, String name, Layout layout, Object page) {
        StringOutput html = new StringOutput();
        engine.render("pages/" + name + ".jte", Map.of("layout", layout, "page", page), html);
        return HttpResponse.<String>status(status)
                .contentType(HTML)
                .header("Cache-Control", layout.signedIn() ? "no-store" : "no-cache")
                .body(html.toString());
    }

    public MutableHttpResponse<String> page(String name, Layout layout, Object page) {
        return page(HttpStatus.OK, name, layout, page);
    }
}
