package dev.changebot.api;

import dev.changebot.application.gate.FindGateCheck;
import dev.changebot.application.gate.GateAnswer;
import dev.changebot.application.gate.GateWaiters;
import dev.changebot.application.gate.OpenGateCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gate: `POST /api/v1/gate/checks` asks whether a deploy may go, `GET .../{id}?wait=120` waits
 * for the answer. A decision is a 200/201 body with a state, never an HTTP error, so a pipeline
 * tells "Changebot is down" from "deploy prevented". A long-poll holds no thread and no connection
 * while it waits: it is a future completed when the check settles or the wait ends.
 */
@Controller("/api/v1/gate/checks")
class GateController {

    static final int MAX_WAIT_S = 120;

    private final BearerTokens tokens;
    private final OpenGateCheck open;
    private final FindGateCheck find;
    private final GateWaiters waiters;
    /**
     * Reads the check again once a wait ends. Not Micronaut's blocking executor: it carries the
     * request's context, whose database connection was given back when the waiting began.
     */
    private final ExecutorService answers = Executors.newFixedThreadPool(4, runnable -> {
        var thread = new Thread(runnable, "gate-long-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    GateController(BearerTokens tokens, OpenGateCheck open, FindGateCheck find, GateWaiters waiters, Clock clock) {
        this.tokens = tokens;
        this.open = open;
        this.find = find;
        this.waiters = waiters;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        answers.shutdownNow();
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> create(HttpRequest<?> request, @Nullable @Body String body) {
        return ApiCalls.answer(() -> {
            var token = tokens.writer(request);
            var key = BearerTokens.idempotencyKey(request);
            var asked = GateRequests.check(body);
            var outcome = open.open(token, key, asked, body);
            if (outcome instanceof OpenGateCheck.Problem problem) {
                throw ApiCalls.error(problem.problem());
            }
            var answer = ((OpenGateCheck.Answered) outcome).answer();
            return tokens.served(token, HttpResponse.<String>status(HttpStatus.CREATED)
                    .header("Location", GateCheckJson.location(answer.check().publicId()))
                    .body(GateCheckJson.of(answer, clock.instant())));
        });
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    CompletableFuture<HttpResponse<String>> show(HttpRequest<?> request, String id, @Nullable @QueryValue String wait) {
        GateAnswer answer;
        Duration max;
        String workspace;
        try {
            var token = tokens.of(request);
            workspace = token.workspaceId();
            max = Duration.ofSeconds(waitSeconds(wait));
            answer = find.byId(workspace, id).orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND, "not_found",
                    "The check " + clip(id) + " is not known."));
            tokens.succeeded(token);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(ApiCalls.answer(() -> {
                throw e;
            }));
        }
        if (answer.check().state().settled() || max.isZero()) {
            return CompletableFuture.completedFuture(ok(answer));
        }
        var settled = waiters.await(id, max);
        // Settled between the read and the registration: the settler told nobody, so look once more.
        var again = find.byId(workspace, id);
        if (again.isPresent() && again.get().check().state().settled()) {
            waiters.settled(id);
        }
        return settled.thenApplyAsync(ignored -> ApiCalls.answer(() ->
                ok(find.byId(workspace, id).orElseThrow())), answers);
    }

    private HttpResponse<String> ok(GateAnswer answer) {
        return HttpResponse.ok(GateCheckJson.of(answer, clock.instant())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static int waitSeconds(String wait) {
        if (wait == null || wait.isBlank()) {
            return 0;
        }
        if (!wait.matches("[0-9]{1,6}")) {
            throw ApiError.unprocessable("invalid_wait", "'wait' is a number of seconds, 0 to " + MAX_WAIT_S + ".");
        }
        return Math.min(Integer.parseInt(wait), MAX_WAIT_S);
    }

    private static String clip(String id) {
        return id.length() > 70 ? id.substring(0, 70) + "…" : id;
    }
}
