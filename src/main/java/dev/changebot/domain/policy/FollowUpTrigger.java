package dev.changebot.domain.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What starts a follow-up's clock: the emergency's declaration or resolution, a deployment (to one
 * environment, or any), the work's end (completed, rolled back, failed), an issue reported on the
 * change, or another follow-up met ({@code subject} names it, or the environment for a deployment).
 */
public record FollowUpTrigger(Kind kind, Optional<String> subject) {

    public enum Kind {
        DECLARED("declared", "when the emergency is declared"),
        RESOLVED("resolved", "when the emergency is resolved"),
        DEPLOYED("deployed", "after the deployment"),
        COMPLETED("completed", "when the change is completed"),
        ROLLED_BACK("rolled_back", "after a rollback"),
        FAILED("failed", "when the change fails"),
        ISSUE_REPORTED("issue_reported", "each time an issue is reported on the change"),
        SATISFIED("satisfied", "once another follow-up is done");

        private final String key;
        private final String words;

        Kind(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** As the policy file writes it: {@code rolled_back}. */
        public String key() {
            return key;
        }

        public static Optional<Kind> ofKey(String key) {
            return Arrays.stream(values()).filter(k -> k.key.equals(key.toLowerCase(Locale.ROOT))).findFirst();
        }

        /** The keys, for a message that lists what is allowed. */
        public static String keys() {
            return String.join(", ", Arrays.stream(values()).map(Kind::key).toList());
        }
    }

    public FollowUpTrigger {
        if ((kind == Kind.SATISFIED) && subject.isEmpty()) {
            throw new IllegalArgumentException("a follow-up started by another names it");
        }
    }

    public static FollowUpTrigger of(Kind kind) {
        return new FollowUpTrigger(kind, Optional.empty());
    }

    /** In people's words: "after the deployment to production", "once post-mortem is done". */
    public String describe() {
        if (kind == Kind.DEPLOYED && subject.isPresent()) {
            return "after the deployment to " + subject.get();
        }
        if (kind == Kind.SATISFIED) {
            return "once " + subject.orElseThrow() + " is done";
        }
        return kind.words;
    }

    /** As the policy file and the audit record write it: {@code deployed: production}, {@code rolled_back}. */
    public String key() {
        return subject.map(s -> kind.key + ": " + s).orElse(kind.key);
    }
}
