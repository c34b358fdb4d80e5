package uk.trustplatform.exports;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

    private final ExportFiles files;
    private final CallerResolution callers;

    ExportController(ExportFiles files, CallerResolution callers) {
        this.files = files;
        this.callers = callers;
    }

    /** {@code pledge-register.csv}, {@code pledge-register.xlsx}, {@code action-plans.csv} or {@code action-plans.xlsx}. */
    @Get("/{file}")
    HttpResponse<?> export(
            HttpRequest<?> http,
            @Nullable Authentication authentication,
            String file,
            @Nullable @QueryValue Integer periodStart) {
        try {
            RequestContext request = new RequestContext(
                    CorrelationIdFilter.of(http), http.getMethod(), callers.resolve(http, authentication));
            return files.file(file, request, periodStart)
                    .<HttpResponse<?>>map(ExportFiles.File::download)
                    .orElseGet(() -> HttpResponse.notFound(Map.of("message", ExportFiles.NAMES)));
        } catch (ApiException refused) {
            return HttpResponse.status(refused.code().status())
                    .body(Map.of("code", refused.code().name(), "message", refused.getMessage()));
        }
    }
}
