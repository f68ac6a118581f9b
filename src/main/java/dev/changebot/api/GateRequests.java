package dev.changebot.api;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.CodeTimes;
import dev.changebot.domain.gate.DeploymentReport;
import dev.changebot.domain.gate.DeploymentStatus;
import dev.changebot.domain.gate.GateRequest;
import dev.changebot.domain.gate.PipelineRun;
import dev.changebot.domain.token.TokenScope;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the bodies of the gate's POSTs into requests, refusing in the API's words what is malformed. */
final class GateRequests {

    static final Set<String> CHECK_FIELDS = Set.of("change", "class", "service", "environment", "sha", "ref",
            "pipeline", "actor", "deadline");
    static final Set<String> PIPELINE_FIELDS = Set.of("provider", "id", "run", "attempt", "url");
    static final Set<String> DEPLOYMENT_FIELDS = Set.of("check", "change", "environment", "service", "status",
            "percent", "version", "url", "started_at", "finished_at", "sha", "pipeline", "committed_at", "pr_opened_at");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");
    private static final Pattern CHECK_ID = Pattern.compile("gc_[A-Za-z0-9_-]{1,64}");

    private GateRequests() {
    }

    static GateRequest check(String body) {
        var json = JsonBody.parse(body, CHECK_FIELDS);
        var environment = environment(json).orElseThrow(() -> ApiError.unprocessable("missing_field",
                "'environment' is required: where the deploy goes."));
        return new GateRequest(change(json), service(json), environment, sha(json), json.string("ref"), pipeline(json),
                json.string("actor"), json.string("class"), json.instant("deadline"));
    }

    static DeploymentReport deployment(String body) {
        var json = JsonBody.parse(body, DEPLOYMENT_FIELDS);
        var status = json.string("status").map(s -> DeploymentStatus.ofCode(s.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> ApiError.unprocessable("invalid_status",
                        "'status' is one of started, succeeded, failed, rolled_back.")))
                .orElseThrow(() -> ApiError.unprocessable("missing_field",
                        "'status' is required: started, succeeded, failed or rolled_back."));
        var check = json.string("check");
        if (check.isPresent() && !CHECK_ID.matcher(check.get()).matches()) {
            throw ApiError.unprocessable("invalid_check", "'check' is the id of a gate check, like gc_…");
        }
        var change = change(json);
        var environment = environment(json);
        if (check.isEmpty() && environment.isEmpty()) {
            throw ApiError.unprocessable("missing_field", "Name the gate check ('check'), or the environment deployed"
                    + " to ('environment') with the change ('change') or the service and commit ('service', 'sha').");
        }
        var percent = json.integer("percent");
        if (percent.isPresent() && (percent.get() < 1 || percent.get() > 100)) {
            throw ApiError.unprocessable("invalid_field", "'percent' is a rollout step from 1 to 100.");
        }
        return new DeploymentReport(check, change, environment, service(json), status,
                percent.map(OptionalInt::of).orElse(OptionalInt.empty()), json.string("version"), json.string("url"),
                json.instant("started_at"), json.instant("finished_at"), sha(json),
                pipeline(json).flatMap(PipelineRun::of),
                new CodeTimes(json.instant("committed_at"), json.instant("pr_opened_at")));
    }

    private static Optional<String> sha(JsonBody json) {
        var sha = json.string("sha").map(s -> s.toLowerCase(Locale.ROOT));
        if (sha.isPresent() && !SHA.matcher(sha.get()).matches()) {
            throw ApiError.unprocessable("invalid_sha", "'sha' must be a commit hash: 7 to 64 hexadecimal digits.");
        }
        return sha;
    }

    private static Optional<GateRequest.Pipeline> pipeline(JsonBody json) {
        return json.object("pipeline", PIPELINE_FIELDS).map(p -> new GateRequest.Pipeline(p.string("provider"),
                p.identifier("id"), p.identifier("run"), p.identifier("attempt"), p.string("url")));
    }

    private static Optional<ChangeId> change(JsonBody json) {
        var text = json.string("change");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ChangeId.parse(text.get()).orElseThrow(() -> ApiError.unprocessable("invalid_change",
                "'change' is a change id like CHG-42.")));
    }

    private static Optional<String> service(JsonBody json) {
        var service = json.string("service");
        if (service.isPresent() && !TokenScope.SERVICE.matcher(service.get()).matches()) {
            throw ApiError.unprocessable("invalid_service",
                    "'service' is up to 64 lower-case letters, digits, dots, dashes or underscores.");
        }
        return service;
    }

    private static Optional<String> environment(JsonBody json) {
        return json.string("environment").map(e -> e.toLowerCase(Locale.ROOT));
    }
}
