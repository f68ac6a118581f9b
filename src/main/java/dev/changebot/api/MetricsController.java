package dev.changebot.api;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: every meter in the Prometheus text format (docs/ops/README.md). It runs on the
 * blocking executor, not the event loop: a scrape reads the database gauges, which query PostgreSQL
 * (at most once per refresh interval). Open on the server's port, as Prometheus expects; with
 * CHANGEBOT_METRICS_TOKEN set, only a scrape bearing that token is answered. No meter carries the id
 * of a change or a person, so what it shows is counts and timings only. Not served when metrics or
 * their Prometheus export are turned off (micronaut.metrics.enabled / .export.prometheus.enabled).
 */
@Controller("/metrics")
@Requires(beans = PrometheusMeterRegistry.class)
class MetricsController {

    /** The text format Prometheus asks for and PrometheusMeterRegistry.scrape() writes. */
    static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final byte[] token;

    MetricsController(PrometheusMeterRegistry registry, @Nullable @Value("${changebot.metrics.token:}") String token) {
        this.registry = registry;
        this.token = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    @Get(produces = TEXT_FORMAT)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> scrape(HttpRequest<?> request) {
        if (token != null && !bearsToken(request.getHeaders().get(HttpHeaders.AUTHORIZATION))) {
            return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN_TYPE)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body("This scrape needs the bearer token set in CHANGEBOT_METRICS_TOKEN.");
        }
        return HttpResponse.ok(registry.scrape()).contentType(MediaType.of(TEXT_FORMAT));
    }

    private boolean bearsToken(@Nullable String authorization) {
        // Constant time: how much of a guess matched must not show in how long the refusal took.
        return authorization != null && MessageDigest.isEqual(token, authorization.getBytes(StandardCharsets.UTF_8));
    }
}
