package dev.changebot.domain.gate;

import java.util.Locale;

/**
 * Where a gate check stands. Pending checks are looked at again whenever something may have changed;
 * the other three are final.
 */
public enum GateState {
    /** Not yet: an approval, a soak, a freeze or a window stands in the way; the reasons say which. */
    PENDING,
    /** The deploy may go. */
    ALLOWED,
    /** It will not go: rejected, cancelled, finished, or the check's deadline passed. */
    PREVENTED,
    /** Cannot be decided under the policy as it is (the change's class left it). */
    INVALID;

    public boolean settled() {
        return this != PENDING;
    }

    /** As the API writes it: "pending". */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GateState ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
