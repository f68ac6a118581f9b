package dev.changebot.github;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.changebot.application.github.GitHubDeploymentStatuses;
import dev.changebot.application.github.GitHubDeployments;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /github/webhook}: the GitHub App's webhooks. The signature is checked on the raw bytes
 * before anything is read (401, nothing kept); {@code deployment_protection_rule} requests are kept
 * once per delivery id and answered 202, and so are {@code deployment_status} events, recorded as
 * deployments; every other event is acknowledged with 204 and ignored.
 * Every refusal is JSON {@code {error, message}}.
 */
@Controller("/github/webhook")
class GitHubWebhookController {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubWebhookController.class);
    private static final String PROTECTION_RULE = "deployment_protection_rule";
    private static final String DEPLOYMENT_STATUS = "deployment_status";

    private final GitHubSettings settings;
    private final WebhookSignature signature;
    private final GitHubDeployments deployments;
    private final GitHubDeploymentStatuses statuses;
    private final Clock clock;

    GitHubWebhookController(GitHubSettings settings, GitHubDeployments deployments, GitHubDeploymentStatuses statuses,
                            Clock clock) {
        this.settings = settings;
        this.signature = settings.webhookSecret().map(WebhookSignature::new).orElse(null);
        this.deployments = deployments;
        this.statuses = statuses;
        this.clock = clock;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<String> receive(HttpRequest<?> request, @Nullable @Body byte[] body) {
        if (!settings.configured() || signature == null) {
            return error(HttpStatus.SERVICE_UNAVAILABLE, "github_not_configured",
                    "The GitHub App is not configured: set " + String.join(", ", settings.missing()) + ".");
        }
        var raw = body == null ? new byte[0] : body;
        var headers = request.getHeaders();
        if (headers.getAll("X-Hub-Signature-256").size() != 1 || !signature.matches(raw, headers.get("X-Hub-Signature-256"))) {
            LOG.warn("Refused a GitHub webhook with a missing, repeated or wrong X-Hub-Signature-256");
            return error(HttpStatus.UNAUTHORIZED, "bad_signature",
                    "X-Hub-Signature-256 is missing or does not match the body: check CHANGEBOT_GITHUB_WEBHOOK_SECRET.");
        }
        var event = headers.get("X-GitHub-Event");
        if (!PROTECTION_RULE.equals(event) && !DEPLOYMENT_STATUS.equals(event)) {
            return HttpResponse.noContent();
        }
        var contentType = headers.get("Content-Type");
        if (contentType == null || !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not_json",
                    "Set the webhook's content type to application/json in the GitHub App's settings.");
        }
        var delivery = headers.get("X-GitHub-Delivery");
        if (delivery == null || delivery.isBlank() || delivery.length() > 100) {
            return error(HttpStatus.BAD_REQUEST, "no_delivery_id", "X-GitHub-Delivery is missing.");
        }
        JsonObject payload;
        try {
            var json = JsonParser.parseString(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                return error(HttpStatus.BAD_REQUEST, "malformed", "The payload is not a JSON object.");
            }
            payload = json.getAsJsonObject();
        } catch (RuntimeException e) {
            return error(HttpStatus.BAD_REQUEST, "malformed", "The payload is not valid JSON.");
        }
        var action = payload.get("action");
        var expected = PROTECTION_RULE.equals(event) ? "requested" : "created";
        if (action == null || !action.isJsonPrimitive() || !expected.equals(action.getAsString())) {
            return HttpResponse.noContent();
        }
        try {
            return PROTECTION_RULE.equals(event) ? protectionRule(payload, delivery) : deploymentStatus(payload, delivery);
        } catch (RuntimeException e) {
            LOG.warn("Could not keep GitHub delivery {}", delivery, e);
            return error(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "Changebot could not record this request now; redeliver it from the App's advanced settings.");
        }
    }

    private HttpResponse<String> protectionRule(JsonObject payload, String delivery) {
        var read = ProtectionRuleWebhook.read(payload, delivery, clock.instant());
        if (read.problem().isPresent()) {
            LOG.warn("Refused GitHub delivery {}: {}", delivery, read.problem().get());
            return error(HttpStatus.BAD_REQUEST, "malformed", "The deployment_protection_rule payload is unusable: "
                    + read.problem().get() + ".");
        }
        var kept = deployments.requested(read.request().get());
        return received(kept.isPresent() ? "new" : "redelivery", null);
    }

    private HttpResponse<String> deploymentStatus(JsonObject payload, String delivery) {
        var read = DeploymentStatusWebhook.read(payload, delivery);
        if (read.problem().isPresent()) {
            LOG.warn("Refused GitHub delivery {}: {}", delivery, read.problem().get());
            return error(HttpStatus.BAD_REQUEST, "malformed", "The deployment_status payload is unusable: "
                    + read.problem().get() + ".");
        }
        var result = statuses.reported(read.event().get());
        if (result instanceof GitHubDeploymentStatuses.Ignored ignored) {
            LOG.info("GitHub delivery {} records no deployment: {}", delivery, ignored.why());
            return received("ignored", ignored.why());
        }
        var recorded = (GitHubDeploymentStatuses.Recorded) result;
        return received(recorded.redelivery() ? "redelivery" : "new", null);
    }

    private static HttpResponse<String> received(String what, String why) {
        var answer = new JsonObject();
        answer.addProperty("received", what);
        if (why != null) {
            answer.addProperty("why", why);
        }
        return HttpResponse.<String>status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(answer.toString());
    }

    private static HttpResponse<String> error(HttpStatus status, String code, String message) {
        var body = new JsonObject();
        body.addProperty("error", code);
        body.addProperty("message", message);
        return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE).body(body.toString());
    }
}
