package dev.changebot.application.gate;

import dev.changebot.application.port.GateChecks;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.Changes;
import jakarta.inject.Singleton;
import java.util.Optional;

/** A check of the token's workspace, as it stands; another workspace's is not found. */
@Singleton
public class FindGateCheck {

    private final GateChecks checks;
    private final Changes changes;
    private final Transactions transactions;

    public FindGateCheck(GateChecks checks, Changes changes, Transactions transactions) {
        this.checks = checks;
        this.changes = changes;
        this.transactions = transactions;
    }

    public Optional<GateAnswer> byId(String workspaceId, String publicId) {
        return transactions.inTransaction(() -> checks.byPublicId(workspaceId, publicId).map(check ->
                new GateAnswer(check, changes.find(workspaceId, check.change()).flatMap(Change::message), workspaceId,
                        false)));
    }
}
