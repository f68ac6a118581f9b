package dev.changebot.application.incident;

import dev.changebot.application.port.GitHubProtectionRequests;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Which Slack workspace an incident tool's webhooks are about: {@code CHANGEBOT_INCIDENT_WORKSPACE},
 * else the only workspace the database knows changes of (as the GitHub App's requests do).
 */
@Singleton
public class IncidentWorkspace {

    private final Optional<String> configured;
    private final GitHubProtectionRequests known;
    private final Transactions transactions;

    public IncidentWorkspace(IncidentWebhookWorkspace configured, GitHubProtectionRequests known, Transactions transactions) {
        this.configured = configured.workspace();
        this.known = known;
        this.transactions = transactions;
    }

    public Optional<String> workspace() {
        if (configured.isPresent()) {
            return configured;
        }
        var workspaces = transactions.inTransaction(known::knownWorkspaces);
        return workspaces.size() == 1 ? Optional.of(workspaces.get(0)) : Optional.empty();
    }

    /** The configured workspace, if any ({@code changebot.incidents.workspace}). */
    public record IncidentWebhookWorkspace(Optional<String> workspace) {
    }
}
