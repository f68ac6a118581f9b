package dev.changebot.application.github;

import dev.changebot.application.port.ApiTokens;
import dev.changebot.application.port.GitHubProtectionRequests;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenScope;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who GitHub's requests act as: the Slack workspace the repositories' changes are in
 * (CHANGEBOT_GITHUB_WORKSPACE, or the database's only one), and there the gate's principal for
 * GitHub, a token named {@value #NAME} whose text never existed, made the first time it is needed.
 * Runs in the caller's transaction.
 */
@Singleton
public class GitHubPrincipal {

    static final String NAME = "github-app";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokens tokens;
    private final GitHubProtectionRequests requests;
    private final GitHubGateSettings settings;
    private final Clock clock;

    public GitHubPrincipal(ApiTokens tokens, GitHubProtectionRequests requests, GitHubGateSettings settings,
                           Clock clock) {
        this.tokens = tokens;
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    /** The workspace, when it can be told: the setting, or the only one the database knows. */
    public Optional<String> workspace() {
        if (settings.workspace().isPresent()) {
            return settings.workspace();
        }
        var known = requests.knownWorkspaces();
        return known.size() == 1 ? Optional.of(known.get(0)) : Optional.empty();
    }

    /** The workspace's GitHub principal: listed with the tokens, usable by no one. */
    public ApiToken in(String workspace) {
        return tokens.list(workspace).stream().filter(t -> t.name().equals(NAME) && !t.revoked()).findFirst()
                .or(() -> {
                    var unguessable = new byte[32];
                    RANDOM.nextBytes(unguessable);
                    return tokens.add(workspace, NAME, HexFormat.of().formatHex(unguessable), TokenScope.ANY,
                            "changebot (GitHub App)", clock.instant());
                })
                .orElseThrow(() -> new IllegalStateException("the GitHub principal could not be made"));
    }
}
