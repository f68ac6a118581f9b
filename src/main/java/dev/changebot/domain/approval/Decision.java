package dev.changebot.domain.approval;

/** The answer of a rule: allowed, or refused with the reason the person is told, word for word. */
public sealed interface Decision {

    Decision ALLOWED = new Allowed();

    static Decision refused(String reason) {
        return new Refused(reason);
    }

    default boolean isAllowed() {
        return this instanceof Allowed;
    }

    record Allowed() implements Decision {
    }

    record Refused(String reason) implements Decision {
    }
}
