package dev.changebot.application.gate;

import dev.changebot.application.change.ChangeService;
import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.GateChecks;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.gate.GateCheck;
import dev.changebot.domain.gate.GateDecision;
import dev.changebot.domain.gate.GateRequest;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.token.ApiToken;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * `POST /api/v1/gate/checks`: a pipeline asks whether its deploy may go. The check is decided at
 * once and kept; a pending one is decided again by {@link SettleGateChecks} until it settles. For a
 * pre-approved class the check may name no change: it records one itself. One key of a token is one
 * check: asked again, the first answer is returned and nothing more is recorded.
 */
@Singleton
public class OpenGateCheck {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GateChecks checks;
    private final Changes changes;
    private final ChangeService service;
    private final Transactions transactions;
    private final CalendarStates calendar;
    private final GateDecision decision;
    private final GateFacts facts;
    private final Policy policy;
    private final Clock clock;
    private final SettleGateChecks settle;

    public OpenGateCheck(GateChecks checks, Changes changes, ChangeService service, Transactions transactions,
                         CalendarStates calendar, GateDecision decision, GateFacts facts, Policy policy, Clock clock,
                         SettleGateChecks settle) {
        this.settle = settle;
        this.checks = checks;
        this.changes = changes;
        this.service = service;
        this.transactions = transactions;
        this.calendar = calendar;
        this.decision = decision;
        this.facts = facts;
        this.policy = policy;
        this.clock = clock;
    }

    public sealed interface Outcome {
    }

    public record Answered(GateAnswer answer) implements Outcome {
    }

    public record Problem(GateProblem problem) implements Outcome {
    }

    public Outcome open(ApiToken token, String idempotencyKey, GateRequest request, String requestBody) {
        var refused = refusedUpfront(token, request);
        if (refused.isPresent()) {
            return new Problem(refused.get());
        }
        return transactions.inTransaction(() -> {
            checks.lockKey(token.id(), idempotencyKey);
            var earlier = checks.byKey(token.id(), idempotencyKey);
            if (earlier.isPresent()) {
                return answered(earlier.get(), true);
            }
            var now = clock.instant();
            Change change;
            if (request.change().isPresent()) {
                var found = changes.find(token.workspaceId(), request.change().get());
                if (found.isEmpty()) {
                    return new Problem(GateProblem.notFound(request.change().get().toString()));
                }
                change = found.get();
                var ended = GateDecision.ended(change);
                if (ended.isPresent()) {
                    return new Problem(new GateProblem(GateProblem.Kind.CONFLICT, ended.get().code(), ended.get().text()));
                }
            } else {
                var created = recordPreApproved(token, request, now);
                if (created instanceof Problem problem) {
                    return problem;
                }
                change = ((Created) created).change();
            }
            // The change's own service decides which scoped freezes and windows apply, whatever the check says.
            var service = change.service().or(request::service);
            if (change.service().isPresent() && !policy.environmentsOf(change.service()).contains(request.environment())) {
                return new Problem(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "unknown_environment", change.id()
                        + " is a change to " + change.service().get() + ", which is deployed only to "
                        + String.join(", ", policy.environmentsOf(change.service())) + "."));
            }
            var verdict = decision.decide(change, policy, calendar.forChange(calendar.at(token.workspaceId(), now),
                    token.workspaceId(), change.id().number()), service,
                    request.environment(), request.deadline(), now);
            var check = checks.add(new GateCheck(0, newPublicId(), token.workspaceId(), token.id(), idempotencyKey,
                    change.id(), service, request.environment(), verdict, request.deadline(), now,
                    verdict.state().settled() ? Optional.of(now) : Optional.empty()), requestBody);
            if (verdict.state().settled()) {
                facts.settled(check, token.actorId(), now);
            } else {
                // Once committed, facts recorded here may settle it: the settler looks again after each.
                transactions.afterCommit(settle::checkAdded);
            }
            return answered(check, false);
        });
    }

    /** Wrong before anything is read: an environment the policy does not have, a class that cannot be used. */
    private Optional<GateProblem> refusedUpfront(ApiToken token, GateRequest request) {
        if (!policy.environments().contains(request.environment())) {
            return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "unknown_environment",
                    "'" + request.environment() + "' is not an environment of the policy: "
                            + String.join(", ", policy.environments()) + "."));
        }
        var service = policyService(request);
        if (request.service().isPresent() && policy.hasServices() && service.isEmpty()) {
            return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "unknown_service",
                    "'" + request.service().get() + "' is not a service of the policy: "
                            + String.join(", ", policy.services().keySet()) + "."));
        }
        if (!policy.environmentsOf(service).contains(request.environment())) {
            return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "unknown_environment",
                    service.get() + " is deployed only to " + String.join(", ", policy.environmentsOf(service))
                            + ", not to " + request.environment() + "."));
        }
        if (!token.scope().allowsEnvironment(request.environment())
                || !token.scope().allowsService(request.service().orElse(null))) {
            return Optional.of(new GateProblem(GateProblem.Kind.FORBIDDEN, "out_of_scope", "The token '" + token.name()
                    + "' may act only on " + token.scope().describe() + "."));
        }
        if (request.change().isEmpty()) {
            if (request.service().isEmpty() || request.sha().isEmpty()) {
                return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "missing_fields",
                        "A check names a change (\"change\": \"CHG-42\") or, for a pre-approved class, the deploy:"
                                + " service, environment and sha at least."));
            }
            var changeClass = preApprovedClass(request);
            if (changeClass.isPresent() && !stillPreApprovedFor(changeClass.get(), service)) {
                return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "not_pre_approved",
                        "For " + service.get() + ", " + changeClass.get().name() + " changes are not pre-approved (the"
                                + " policy handles them as " + policy.classFor(changeClass.get(), service).name()
                                + " or adds approval steps): request the change in Slack and name it in the check."));
            }
            if (changeClass.isEmpty()) {
                return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "not_pre_approved",
                        request.changeClass().map(c -> "'" + c + "' is not a pre-approved class of the policy.")
                                .orElse("Without a change, a check is for a pre-approved class; the policy has "
                                        + preApprovedNames() + ": name one in \"class\".")));
            }
            if (policy.api().channel().isEmpty()) {
                return Optional.of(new GateProblem(GateProblem.Kind.UNPROCESSABLE, "no_channel",
                        "A check without a change records one, announced in the policy's api.channel, which is not set."));
            }
        }
        return Optional.empty();
    }

    /** The check's service as the policy knows it: empty under a policy without services, or for a name it lacks. */
    private Optional<String> policyService(GateRequest request) {
        return request.service().filter(name -> policy.hasServices() && policy.service(name).isPresent());
    }

    /** A service may handle a pre-approved class as another one, or add steps to it: then nothing is pre-approved. */
    private boolean stillPreApprovedFor(ChangeClass changeClass, Optional<String> service) {
        var handledAs = policy.classFor(changeClass, service);
        return handledAs.preApproved() && policy.stepsFor(handledAs, Optional.empty(), service).isEmpty();
    }

    private Optional<ChangeClass> preApprovedClass(GateRequest request) {
        var preApproved = policy.classes().values().stream().filter(c -> c.preApproved() && !c.emergency()).toList();
        if (request.changeClass().isPresent()) {
            return preApproved.stream().filter(c -> c.name().equals(request.changeClass().get())).findFirst();
        }
        return preApproved.size() == 1 ? Optional.of(preApproved.get(0)) : Optional.empty();
    }

    private String preApprovedNames() {
        var names = policy.classes().values().stream().filter(c -> c.preApproved() && !c.emergency())
                .map(ChangeClass::name).toList();
        return names.isEmpty() ? "no pre-approved class" : "several (" + String.join(", ", names) + ")";
    }

    private record Created(Change change) implements Outcome {
    }

    private Outcome recordPreApproved(ApiToken token, GateRequest request, Instant now) {
        var changeClass = preApprovedClass(request).orElseThrow();
        var id = changes.nextId(token.workspaceId());
        var requested = Change.request(id, token.workspaceId(), token.actorId(), policy.api().channel().orElseThrow(),
                changeClass.name(), policyService(request), PreApprovedChange.details(request, changeClass, token.name(), now),
                now);
        service.create(requested.change(), requested.event(), List.of(
                new ChangeEvent.ChangePreApproved(id, token.actorId(), now, changeClass.name())));
        return new Created(requested.change());
    }

    private Outcome answered(GateCheck check, boolean repeated) {
        var message = changes.find(check.workspaceId(), check.change()).flatMap(Change::message);
        return new Answered(new GateAnswer(check, message, check.workspaceId(), repeated));
    }

    private static String newPublicId() {
        var bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return "gc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
