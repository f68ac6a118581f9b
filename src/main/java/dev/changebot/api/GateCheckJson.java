package dev.changebot.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.application.gate.GateAnswer;
import dev.changebot.domain.gate.GateState;
import java.time.Duration;
import java.time.Instant;

/** A check as the API shows it: id, change, state, reasons, next_open, when to poll again, links. */
final class GateCheckJson {

    private GateCheckJson() {
    }

    static String of(GateAnswer answer, Instant now) {
        var check = answer.check();
        var json = new JsonObject();
        json.addProperty("id", check.publicId());
        json.addProperty("change", check.change().toString());
        check.service().ifPresent(service -> json.addProperty("service", service));
        json.addProperty("environment", check.environment());
        json.addProperty("state", check.state().code());
        var reasons = new JsonArray();
        for (var reason : check.verdict().reasons()) {
            var item = new JsonObject();
            item.addProperty("code", reason.code());
            item.addProperty("text", reason.text());
            reason.until().ifPresent(until -> item.addProperty("until", until.toString()));
            reasons.add(item);
        }
        json.add("reasons", reasons);
        json.addProperty("next_open", check.verdict().nextOpen().map(Instant::toString).orElse(null));
        if (check.state() == GateState.PENDING) {
            json.addProperty("poll_after_s", pollAfter(check.verdict().nextOpen().orElse(null), now));
        } else {
            json.add("poll_after_s", com.google.gson.JsonNull.INSTANCE);
        }
        check.deadline().ifPresent(deadline -> json.addProperty("deadline", deadline.toString()));
        json.addProperty("created_at", check.createdAt().toString());
        json.addProperty("settled_at", check.settledAt().map(Instant::toString).orElse(null));
        var links = new JsonObject();
        links.addProperty("self", location(check.publicId()));
        links.addProperty("change", "/api/v1/changes/" + check.change());
        links.addProperty("slack", answer.message().map(m -> "https://slack.com/archives/" + m.channelId() + "/p"
                + m.messageTs().replace(".", "")).orElse(null));
        json.add("links", links);
        return json.toString();
    }

    static String location(String publicId) {
        return "/api/v1/gate/checks/" + publicId;
    }

    /**
     * A long-poll answers at once when the check settles, so polling often gains nothing: every 5 s
     * while something may change soon, less often while the calendar says nothing opens for a while.
     */
    static long pollAfter(Instant nextOpen, Instant now) {
        if (nextOpen == null) {
            return 5;
        }
        var wait = Duration.between(now, nextOpen).toSeconds();
        return Math.max(1, Math.min(wait > 600 ? 60 : 5, Math.max(wait, 1)));
    }
}
