package dev.changebot.application.token;

import dev.changebot.application.port.ApiTokens;
import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.RoleDirectory;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.token.ApiToken;
import dev.changebot.domain.token.TokenRequest;
import dev.changebot.domain.token.TokenText;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * `/change token create|list|revoke`: only the roles the policy's {@code api.token_admins} names.
 * A token's text is returned once, to its creator, and only its hash is stored; its creation and
 * revocation are recorded for the audit chain (never the text).
 */
@Singleton
public class ManageTokens {

    private final ApiTokens tokens;
    private final Transactions transactions;
    private final AuditNotes notes;
    private final RoleDirectory directory;
    private final Policy policy;
    private final Clock clock;

    public ManageTokens(ApiTokens tokens, Transactions transactions, AuditNotes notes, RoleDirectory directory,
                        Policy policy, Clock clock) {
        this.tokens = tokens;
        this.transactions = transactions;
        this.notes = notes;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
    }

    public sealed interface Outcome {
    }

    /** Created: {@code text} is the secret, to be shown to its creator now and never again. */
    public record Created(ApiToken token, String text) implements Outcome {
    }

    public record Listed(List<ApiToken> tokens) implements Outcome {
    }

    public record Revoked(ApiToken token) implements Outcome {
    }

    public record Refused(String reason) implements Outcome {
    }

    public Outcome create(String workspaceId, String userId, List<String> words) {
        var refusal = refusedFor(workspaceId, userId);
        if (refusal != null) {
            return refusal;
        }
        var reading = TokenRequest.read(words, policy.environments());
        if (reading instanceof TokenRequest.Refused refused) {
            return new Refused(refused.reason());
        }
        var request = ((TokenRequest.Read) reading).request();
        var text = TokenText.generate();
        var now = clock.instant();
        return transactions.inTransaction(() -> {
            var added = tokens.add(workspaceId, request.name(), TokenText.hash(text), request.scope(), userId, now);
            if (added.isEmpty()) {
                return new Refused("A live token is already named `" + request.name()
                        + "`: revoke it first, or choose another name.");
            }
            notes.record(workspaceId, "ApiTokenCreated", userId, now, details(added.get()));
            return new Created(added.get(), text);
        });
    }

    public Outcome list(String workspaceId, String userId) {
        var refusal = refusedFor(workspaceId, userId);
        return refusal != null ? refusal : new Listed(transactions.inTransaction(() -> tokens.list(workspaceId)));
    }

    public Outcome revoke(String workspaceId, String userId, String name) {
        var refusal = refusedFor(workspaceId, userId);
        if (refusal != null) {
            return refusal;
        }
        var now = clock.instant();
        return transactions.inTransaction(() -> {
            var revoked = tokens.revoke(workspaceId, name, userId, now);
            if (revoked.isEmpty()) {
                return new Refused("No live token is named `" + name + "`: `/change token list` shows them.");
            }
            notes.record(workspaceId, "ApiTokenRevoked", userId, now, details(revoked.get()));
            return new Revoked(revoked.get());
        });
    }

    private Refused refusedFor(String workspaceId, String userId) {
        var admins = policy.api().tokenAdmins();
        if (admins.isEmpty()) {
            return new Refused("Nobody may manage API tokens in Slack under this policy. Name the roles that may in"
                    + " the policy (`api: {token_admins: [platform-lead]}`), or create one on the command line:"
                    + " `java -jar changebot.jar token create NAME [services…] [environments…]`.");
        }
        if (!policy.api().mayManageTokens(directory.rolesOf(workspaceId, userId))) {
            return new Refused("Only " + String.join(" or ", new TreeSet<>(admins)) + " may manage API tokens.");
        }
        return null;
    }

    /** What the audit chain keeps of a token: who it is for and what it may do, never its text or hash. */
    public static Map<String, Object> details(ApiToken token) {
        var details = new LinkedHashMap<String, Object>();
        details.put("name", token.name());
        details.put("services", token.scope().services());
        details.put("environments", token.scope().environments());
        if (token.scope().readOnly()) {
            details.put("read_only", true);
        }
        return details;
    }
}
