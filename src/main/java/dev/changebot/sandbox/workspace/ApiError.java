package dev.changebot.sandbox.workspace;

import java.time.Instant;

/** A call the stand-in refused as Slack would (or a request of the bot's that failed), shown on the page. */
public record ApiError(Instant at, String method, String error, String detail) {
}
