package uk.trustplatform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Optional;
import uk.trustplatform.api.ApiException;
import uk.trustplatform.api.CorrelationIdFilter;
import uk.trustplatform.api.RequestContext;
import uk.trustplatform.exports.ExportFiles;

/**
 * The board's downloads of the pledge register and the partners' plans, as CSV or XLSX, for a
 * signed-in board member or tenant admin: the API's export files, read as the visitor, so a file
 * holds exactly what the visitor may read over the API. Anyone else finds no such page.
 */
@Controller("/{tenant}/board/downloads")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class BoardDownloads {

    private final ExportFiles files;
    private final MemberPages members;
    private final ErrorPages errors;

    BoardDownloads(ExportFiles files, MemberPages members, ErrorPages errors) {
        this.files = files;
        this.members = members;
        this.errors = errors;
    }

    /** {@code pledge-register.csv} or {@code .xlsx}; {@code action-plans.csv} or {@code .xlsx}, of one period if asked. */
    @Get("/{file}")
    HttpResponse<?> download(
            String tenant, String file, @Nullable @QueryValue Integer periodStart, HttpRequest<?> request) {
        Optional<MemberPages.Member> member = members.of(tenant, request);
        if (member.isEmpty()) {
            return members.refuse(tenant, request);
        }
        Visitor visitor = member.get().visitor();
        if (!Visitors.isBoard(visitor)) {
            return errors.notFound(visitor, request);
        }
        String correlationId = CorrelationIdFilter.of(request);
        try {
            return files.file(
                            file, new RequestContext(correlationId, request.getMethod(), visitor.caller()), periodStart)
                    .<HttpResponse<?>>map(ExportFiles.File::download)
                    .orElseGet(() -> errors.notFound(visitor, request));
        } catch (ApiException refused) {
            return errors.refused(visitor, request, refused.code().name(), correlationId);
        }
    }

    /** Where the board downloads a file: {@code pledge-register.csv} and the like. */
    static String href(String tenant, String file) {
        return "/" + tenant + "/board/downloads/" + file;
    }
}
