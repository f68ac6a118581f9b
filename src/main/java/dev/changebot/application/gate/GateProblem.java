package dev.changebot.application.gate;

/**
 * Why a request to the gate could not even be asked: the adapter turns the kind into its status.
 * {@code code} is stable for pipelines, {@code message} is for the person reading the log.
 */
public record GateProblem(Kind kind, String code, String message) {

    public enum Kind {
        /** The token may not act there (service or environment outside its scope). */
        FORBIDDEN,
        /** No such change or check in the token's workspace. */
        NOT_FOUND,
        /** The change can no longer be deployed (cancelled, rejected, finished), or the report was refused. */
        CONFLICT,
        /** Well-formed, but not something the policy knows. */
        UNPROCESSABLE
    }

    public static GateProblem notFound(String what) {
        return new GateProblem(Kind.NOT_FOUND, "not_found", what + " is not known.");
    }
}
