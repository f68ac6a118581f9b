package dev.changebot.application.gate;

import dev.changebot.application.port.Deployments;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.Deployment;
import jakarta.inject.Singleton;
import java.util.List;

/** The deployments recorded for one change, oldest first: what `GET /api/v1/changes/{id}` lists. */
@Singleton
public class ChangeDeployments {

    private final Deployments deployments;
    private final Transactions transactions;

    public ChangeDeployments(Deployments deployments, Transactions transactions) {
        this.deployments = deployments;
        this.transactions = transactions;
    }

    public List<Deployment> of(String workspaceId, ChangeId change) {
        return transactions.inTransaction(() -> deployments.ofChange(workspaceId, change));
    }
}
