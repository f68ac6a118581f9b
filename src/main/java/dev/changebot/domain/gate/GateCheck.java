package dev.changebot.domain.gate;

import dev.changebot.domain.change.ChangeId;
import java.time.Instant;
import java.util.Optional;

/**
 * A pipeline's question as kept: which change, where to, asked with which token and key, and the
 * latest decision on it. {@code publicId} is what the API shows ({@code gc_...}).
 */
public record GateCheck(long id, String publicId, String workspaceId, long tokenId, String idempotencyKey,
                        ChangeId change, Optional<String> service, String environment, GateVerdict verdict,
                        Optional<Instant> deadline, Instant createdAt, Optional<Instant> settledAt) {

    public GateState state() {
        return verdict.state();
    }

    public GateCheck withVerdict(GateVerdict next, Optional<Instant> settled) {
        return new GateCheck(id, publicId, workspaceId, tokenId, idempotencyKey, change, service, environment, next,
                deadline, createdAt, settled);
    }
}
