package dev.changebot.application.port;

import dev.changebot.application.github.ProtectionRequest;
import java.util.Optional;

/** The deployment protection requests GitHub sent, each kept once. */
public interface GitHubProtectionRequests {

    /** Keeps the request; empty when its delivery was kept before (GitHub redelivered it). */
    Optional<Long> keep(ProtectionRequest request);

    Optional<ProtectionRequest> find(long id);
}
