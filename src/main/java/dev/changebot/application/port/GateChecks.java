package dev.changebot.application.port;

import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateVerdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where gate checks are kept, pending ones until they settle. Every method runs in the caller's transaction. */
public interface GateChecks {

    /**
     * Holds this token's key until the transaction ends: two deliveries of one request (a retry while
     * the first is still running) see each other's result instead of both acting.
     */
    void lockKey(long tokenId, String idempotencyKey);

    Optional<GateCheck> byKey(long tokenId, String idempotencyKey);

    /** The check of this workspace with that public id; another workspace's is not found. */
    Optional<GateCheck> byPublicId(String workspaceId, String publicId);

    /** Stores a new check ({@code id} is ignored) with the request it answers; returns it as stored. */
    GateCheck add(GateCheck check, String requestBody);

    /** The oldest pending checks of every workspace, up to {@code limit}. */
    List<GateCheck> pending(int limit);

    /** Of these public ids, those whose checks are settled: what long-polls here wait on that another node settled. */
    List<String> settledAmong(java.util.Collection<String> publicIds);

    /**
     * Records the verdict on a check still pending: settled when the verdict is final, else its
     * reasons brought up to date. False when it was no longer pending (another node settled it).
     */
    boolean decide(long id, GateVerdict verdict, Instant at);

    /**
     * The newest allowed check of this workspace for a deploy of {@code sha} to {@code environment}
     * (and {@code service}, when named): what covers a deployment reported without a check or a change.
     */
    Optional<GateCheck> allowedFor(String workspaceId, Optional<String> service, String environment, String sha);
}
