package dev.changebot.application.port;

import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenScope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API tokens live: their hashes, scopes, makers and last use; never their text. */
public interface ApiTokens {

    /** The new token, or empty when a live token of that name exists in the workspace. */
    Optional<ApiToken> add(String workspaceId, String name, String hash, TokenScope scope, String createdBy, Instant at);

    /** Every token of the workspace, live ones first, by name. */
    List<ApiToken> list(String workspaceId);

    /** The live token of that name, now revoked; empty when there is none. */
    Optional<ApiToken> revoke(String workspaceId, String name, String revokedBy, Instant at);

    Optional<ApiToken> findByHash(String hash);

    /** Remembers a use; cheap enough to call at most once a minute per token. */
    void touch(long tokenId, Instant at);
}
