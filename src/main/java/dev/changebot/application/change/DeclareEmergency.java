package dev.changebot.application.change;

import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.approval.Decision;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeDetails;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.rules.Actor;
import dev.changebot.domain.rules.ChangeRules;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An emergency change declared in-channel by the roles the policy names (after the verbal approval
 * it asks for, if any): in progress at once (or once approved, where its class asks), owing the
 * follow-ups the policy sets, each on durable timers. Resolving it and meeting its follow-ups are commands like any other.
 */
@Singleton
public class DeclareEmergency {

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeService service;
    private final RoleDirectory directory;
    private final ChangeRules rules;
    private final Policy policy;
    private final Clock clock;

    public DeclareEmergency(Changes changes, Transactions transactions, ChangeService service, RoleDirectory directory,
                            ChangeRules rules, Policy policy, Clock clock) {
        this.changes = changes;
        this.transactions = transactions;
        this.service = service;
        this.directory = directory;
        this.rules = rules;
        this.policy = policy;
        this.clock = clock;
    }

    /** Declares an emergency; the answer is for the declarer (a refusal), empty when declared. */
    public Result declare(String workspaceId, String declarerId, String channelId, String summary,
                          Optional<String> incidentCommander, Optional<String> severity) {
        return declare(workspaceId, declarerId, channelId, summary, incidentCommander, severity, Optional.empty());
    }

    /** As above, naming who approved it by word beforehand ({@code --approved-by}), where the policy asks for that. */
    public Result declare(String workspaceId, String declarerId, String channelId, String summary,
                          Optional<String> incidentCommander, Optional<String> severity, Optional<String> approvedBy) {
        return declare(workspaceId, declarerId, channelId, summary, incidentCommander, severity, approvedBy, Along.NOTHING);
    }

    /**
     * What is recorded with a declaration, in its transaction (the incidents it remediates): a crash
     * cannot leave the emergency declared without it, nor it without the emergency.
     */
    public interface Along {

        Along NOTHING = new Along() {
            @Override
            public Optional<String> refusal() {
                return Optional.empty();
            }

            @Override
            public Optional<String> record(Change declared, Instant at) {
                return Optional.empty();
            }
        };

        /** Why not to declare (an incident named that does not exist); asked before anything is written. */
        Optional<String> refusal();

        /** Records what goes with the declared change; what to tell the declarer, empty for nothing. */
        Optional<String> record(Change declared, Instant at);
    }

    /** As above, recording {@code along} with the declaration, in its transaction. */
    public Result declare(String workspaceId, String declarerId, String channelId, String summary,
                          Optional<String> incidentCommander, Optional<String> severity, Optional<String> approvedBy,
                          Along along) {
        var declarer = Actor.person(declarerId, directory.rolesOf(workspaceId, declarerId));
        if (rules.mayDeclare(declarer, policy) instanceof Decision.Refused refused) {
            return new Result.Refused(refused.reason());
        }
        var changeClass = policy.emergencyClass().orElseThrow();
        var approverRoles = approvedBy.map(user -> directory.rolesOf(workspaceId, user)).orElse(java.util.Set.of());
        if (rules.mayApproveByWord(changeClass, approvedBy, approverRoles, policy) instanceof Decision.Refused refused) {
            return new Result.Refused(refused.reason());
        }
        var verbalApproval = changeClass.verbalApprovers().isEmpty() ? Optional.<String>empty() : approvedBy;
        var now = clock.instant();
        var obligations = rules.obligations(changeClass, severity, verbalApproval, now, policy);
        var details = new ChangeDetails(summary, summary, null, null, "production", null, null, null, null, now, null);
        return transactions.inTransaction(() -> {
            var refusal = along.refusal();
            if (refusal.isPresent()) {
                return new Result.Refused(refusal.get());
            }
            var declared = Change.declare(changes.nextId(workspaceId), workspaceId, declarerId,
                    incidentCommander.orElse(declarerId), severity, channelId, changeClass.name(), details, obligations,
                    !changeClass.steps().isEmpty(), verbalApproval, now);
            service.create(declared.change(), declared.event(), List.of());
            return new Result.Declared(declared.change(), along.record(declared.change(), now));
        });
    }

    /** What became of a declaration. */
    public sealed interface Result {

        /** @param note what was recorded with it, for the declarer (" Linked as the remediation of INC-3.") */
        record Declared(Change change, Optional<String> note) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }
}
