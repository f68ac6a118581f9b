package dev.changebot.github;

import static dev.changebot.github.PayloadFields.number;
import static dev.changebot.github.PayloadFields.object;
import static dev.changebot.github.PayloadFields.text;

import com.google.gson.JsonObject;
import dev.changebot.application.github.ProtectionRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code deployment_protection_rule} webhook (action {@code requested}): the environment,
 * the run (its id from {@code deployment_callback_url}, .../actions/runs/{run_id}/deployment_protection_rule),
 * the repository, the installation the App answers as, and the deployment's sha and ref. A payload
 * missing any of the first four is refused with the field's name.
 */
final class ProtectionRuleWebhook {


    private static final Pattern RUN = Pattern.compile("/actions/runs/([0-9]{1,19})/deployment_protection_rule$");
    private static final Pattern CHANGE = Pattern.compile("\\bCHG-([0-9]{1,18})\\b", Pattern.CASE_INSENSITIVE);

    private ProtectionRuleWebhook() {
    }

    /** The request, or the problem with the payload. */
    static Read read(JsonObject payload, String deliveryId, Instant receivedAt) {
        var environment = text(payload, "environment");
        var callback = text(payload, "deployment_callback_url");
        var repository = object(payload, "repository").flatMap(r -> text(r, "full_name"));
        var installation = object(payload, "installation").flatMap(i -> number(i, "id"));
        if (environment.isEmpty()) {
            return Read.problem("environment is missing");
        }
        if (callback.isEmpty()) {
            return Read.problem("deployment_callback_url is missing");
        }
        var run = RUN.matcher(callback.get());
        if (!run.find()) {
            return Read.problem("deployment_callback_url does not name a workflow run");
        }
        if (repository.isEmpty() || !repository.get().matches("[A-Za-z0-9_.-]{1,100}/[A-Za-z0-9_.-]{1,100}")) {
            return Read.problem("repository.full_name is missing or not owner/name");
        }
        if (installation.isEmpty()) {
            return Read.problem("installation.id is missing: is the webhook the GitHub App's?");
        }
        var deployment = object(payload, "deployment");
        return new Read(Optional.of(new ProtectionRequest(deliveryId, installation.get(), repository.get(), environment.get(),
                Long.parseLong(run.group(1)), callback.get(), deployment.flatMap(d -> number(d, "id")),
                deployment.flatMap(d -> text(d, "sha")), deployment.flatMap(d -> text(d, "ref")), text(payload, "event"),
                object(payload, "sender").flatMap(s -> text(s, "login")), receivedAt, changeNamed(payload, deployment),
                object(payload, "repository").flatMap(r -> text(r, "html_url"))
                        .map(page -> page + "/actions/runs/" + run.group(1)))),
                Optional.empty());
    }

    /**
     * The change the run names, looked for where a team can put it: the deployment's payload
     * ({@code "change": "CHG-42"}), its ref (a branch {@code chg-42-fix-login}), then the pull
     * requests' titles and branches.
     */
    static Optional<Long> changeNamed(JsonObject payload, Optional<JsonObject> deployment) {
        var places = new java.util.ArrayList<String>();
        deployment.flatMap(d -> object(d, "payload")).flatMap(p -> text(p, "change")).ifPresent(places::add);
        deployment.flatMap(d -> text(d, "ref")).ifPresent(places::add);
        var pulls = payload.get("pull_requests");
        if (pulls != null && pulls.isJsonArray()) {
            for (var pull : pulls.getAsJsonArray()) {
                if (pull.isJsonObject()) {
                    text(pull.getAsJsonObject(), "title").ifPresent(places::add);
                    object(pull.getAsJsonObject(), "head").flatMap(h -> text(h, "ref")).ifPresent(places::add);
                }
            }
        }
        for (var place : places) {
            var found = CHANGE.matcher(place);
            if (found.find()) {
                return Optional.of(Long.parseLong(found.group(1)));
            }
        }
        return Optional.empty();
    }

    /** The request read, or why not. */
    record Read(Optional<ProtectionRequest> request, Optional<String> problem) {
        static Read problem(String why) {
            return new Read(Optional.empty(), Optional.of(why));
        }
    }
}
