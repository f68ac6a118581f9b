package dev.changebot.api;

import dev.changebot.application.metrics.ReportMetrics;
import dev.changebot.domain.metrics.MetricsReport;
import dev.changebot.domain.metrics.MetricsWindow;
import dev.changebot.domain.metrics.ReportFormats;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenScope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * The numbers of docs/metrics.md for machines, with the gate's bearer tokens: {@code GET
 * /api/v1/metrics/dora?from&to&service&environment} (the DORA four for one span, one service or all,
 * about one environment, production by default) and {@code GET /api/v1/reports/{period}} (the whole
 * report). Tokens have no read scope of their own: a token scoped to services or environments reads
 * the DORA keys of those only, and the whole report, which spans every service, needs an unscoped one.
 */
@Controller("/api/v1")
class ReportsController {

    private final BearerTokens tokens;
    private final ReportMetrics metrics;

    ReportsController(BearerTokens tokens, ReportMetrics metrics) {
        this.tokens = tokens;
        this.metrics = metrics;
    }

    @Get(uri = "/metrics/dora", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> dora(HttpRequest<?> request, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                              @Nullable @QueryValue String service, @Nullable @QueryValue String environment) {
        return ApiCalls.answer(() -> {
            var token = tokens.of(request);
            if (from == null || to == null) {
                throw ApiError.badRequest("missing_period", "Give from and to, days like 2026-11-01 (both included).");
            }
            if (service != null && !TokenScope.SERVICE.matcher(service).matches()) {
                throw ApiError.badRequest("invalid_service", "service is a service's name: lower-case letters, digits, . _ -");
            }
            var target = environment == null || environment.isBlank() ? MetricsWindow.PRODUCTION : environment.strip();
            if (!token.scope().allowsService(service) || !token.scope().allowsEnvironment(target)) {
                throw outOfScope(token);
            }
            var report = reported(metrics.between(token.workspaceId(), from, to, service, target));
            var dora = report.overall().stream().filter(r -> MetricsReport.DORA.contains(r.metric())).toList();
            return tokens.served(token, HttpResponse.ok(ReportFormats.json(report, dora))
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
        });
    }

    @Get(uri = "/reports/{period}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> report(HttpRequest<?> request, String period) {
        return ApiCalls.answer(() -> {
            var token = tokens.of(request);
            if (!token.scope().equals(TokenScope.ANY)) {
                throw outOfScope(token);
            }
            var report = reported(metrics.period(token.workspaceId(), period, MetricsWindow.PRODUCTION));
            return tokens.served(token, HttpResponse.ok(ReportFormats.json(report, report.rows()))
                    .contentType(MediaType.APPLICATION_JSON_TYPE));
        });
    }

    private static MetricsReport reported(ReportMetrics.Result result) {
        if (result instanceof ReportMetrics.Refused refused) {
            throw ApiError.unprocessable("invalid_period", refused.reason().replace("`", "'").replace("--from and --to", "from and to"));
        }
        return ((ReportMetrics.Reported) result).report();
    }

    private static ApiError outOfScope(ApiToken token) {
        return new ApiError(HttpStatus.FORBIDDEN, "out_of_scope", "The token '" + token.name() + "' may read the numbers"
                + " of " + token.scope().describe() + " only; the whole report needs a token for every service and environment.");
    }
}
