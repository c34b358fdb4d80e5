package uk.trustplatform.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.Map;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.CallerResolution;
import uk.trustplatform.api.CorrelationIdFilter;
import uk.trustplatform.api.RequestContext;

/**
 * Downloads of the pledge register and the action plans as CSV or XLSX, for the caller's tenant
 * and with exactly what the caller may read through GraphQL. Sign in as for the API (a bearer
 * token; an operator names the tenant with X-Trust-Tenant).
 */
@Controller("/exports")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ExportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Map<String, String> TYPES = Map.of("csv", "text/csv; charset=utf-8", "xlsx", XLSX);

    private final ExportTables tables;
    private final CallerResolution callers;

    ExportController(ExportTables tables, CallerResolution callers) {
        this.tables = tables;
        this.callers = callers;
    }

    /** {@code pledge-register.csv}, {@code pledge-register.xlsx}, {@code action-plans.csv} or {@code action-plans.xlsx}. */
    @Get("/{file}")
    HttpResponse<?> export(
            HttpRequest<?> http,
            @Nullable Authentication authentication,
            String file,
            @Nullable @QueryValue Integer periodStart) {
        int dot = file.lastIndexOf('.');
        String dataset = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (!TYPES.containsKey(format) || !(dataset.equals("pledge-register") || dataset.equals("action-plans"))) {
            return HttpResponse.notFound(Map.of(
                    "message",
                    "Exports are pledge-register.csv, pledge-register.xlsx, action-plans.csv and action-plans.xlsx."));
        }
        try {
            RequestContext request = new RequestContext(
                    CorrelationIdFilter.of(http), http.getMethod(), callers.resolve(http, authentication));
            Table table = dataset.equals("pledge-register")
                    ? tables.pledgeRegister(request)
                    : tables.actionPlans(request, periodStart);
            byte[] body = format.equals("csv") ? TableFormats.csv(table) : TableFormats.xlsx(table);
            return HttpResponse.ok(body)
                    .contentType(MediaType.of(TYPES.get(format)))
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                    .header("Cache-Control", "no-store");
        } catch (ApiException refused) {
            return HttpResponse.status(refused.code().status())
                    .body(Map.of("code", refused.code().name(), "message", refused.getMessage()));
        }
    }
}
