package uk.trustplatform.exports;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import uk.trustplatform.api.RequestContext;

/**
 * The export files by name, each read as the caller through GraphQL and written in its format:
 * the one implementation behind the API's {@code /exports} and the web pages' downloads, so that
 * a file holds the same for a token as for a signed-in person with the same roles.
 */
@Singleton
public final class ExportFiles {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Map<String, String> TYPES = Map.of("csv", "text/csv; charset=utf-8", "xlsx", XLSX);

    /** The names {@link #file} knows, as a sentence for whoever asked for another. */
    public static final String NAMES =
            "Exports are pledge-register.csv, pledge-register.xlsx, action-plans.csv and action-plans.xlsx.";

    /** A file to download: its name, its media type and its bytes. */
    public record File(String name, String contentType, byte[] body) {

        /** The file as a download, kept by no cache: it holds what only this caller may read. */
        public MutableHttpResponse<byte[]> download() {
            return HttpResponse.ok(body)
                    .contentType(MediaType.of(contentType))
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .header("Cache-Control", "no-store");
        }
    }

    private final ExportTables tables;

    ExportFiles(ExportTables tables) {
        this.tables = tables;
    }

    /**
     * {@code pledge-register.csv}, {@code pledge-register.xlsx}, {@code action-plans.csv} or
     * {@code action-plans.xlsx} as the request's caller may read it (the plans of one period when
     * {@code periodStart} is given); empty for any other name.
     *
     * @throws uk.trustplatform.api.ApiException when the API refuses the caller the data
     */
    public Optional<File> file(String name, RequestContext request, @Nullable Integer periodStart) {
        int dot = name.lastIndexOf('.');
        String dataset = dot < 0 ? name : name.substring(0, dot);
        String format = dot < 0 ? "" : name.substring(dot + 1);
        if (!TYPES.containsKey(format) || !(dataset.equals("pledge-register") || dataset.equals("action-plans"))) {
            return Optional.empty();
        }
        Table table = dataset.equals("pledge-register")
                ? tables.pledgeRegister(request)
                : tables.actionPlans(request, periodStart);
        byte[] body = format.equals("csv") ? TableFormats.csv(table) : TableFormats.xlsx(table);
        return Optional.of(new File(name, TYPES.get(format), body));
    }
}
