package dev.changebot.domain.gate;

import java.util.Locale;
import java.util.Optional;

/** What a pipeline reports of a deployment: the same moves as the change message's buttons. */
public enum DeploymentStatus {
    STARTED, SUCCEEDED, FAILED, ROLLED_BACK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeploymentStatus> ofCode(String code) {
        for (var status : values()) {
            if (status.code().equals(code)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
