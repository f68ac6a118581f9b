package dev.changebot.application.change;

import dev.changebot.application.port.CalendarStates;
import dev.changebot.application.port.Transactions;
import dev.changebot.domain.change.Change;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.change.ChangeDetailsRules;
import dev.changebot.domain.change.ChangeEvent;
import dev.changebot.domain.change.Changes;
import dev.changebot.domain.change.ChangeField;
import dev.changebot.domain.change.FieldProblem;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.ConflictRule;
import dev.changebot.domain.policy.DeploymentTarget;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.StartRules;
import dev.changebot.domain.schedule.Conflict;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Records a new change request and announces it to the channel it came from. */
@Singleton
public class RequestChange {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestChange.class);

    private final Changes changes;
    private final Transactions transactions;
    private final ChangeService service;
    private final Clock clock;
    private final Policy policy;
    private final CalendarStates calendar;
    private final ConflictCheck conflicts;

    /** Without the conflict check: for tests of the other rules of a request. */
    public RequestChange(Changes changes, Transactions transactions, ChangeService service, Clock clock,
                         Policy policy, CalendarStates calendar) {
        this(changes, transactions, service, clock, policy, calendar, ConflictCheck.NONE);
    }

    @jakarta.inject.Inject
    public RequestChange(Changes changes, Transactions transactions, ChangeService service, Clock clock,
                         Policy policy, CalendarStates calendar, ConflictCheck conflicts) {
        this.conflicts = conflicts;
        this.policy = policy;
        this.calendar = calendar;
        this.changes = changes;
        this.transactions = transactions;
        this.service = service;
        this.clock = clock;
    }

    public Outcome request(NewChangeRequest request) {
        var now = clock.instant();
        var serviceProblem = serviceProblem(request);
        if (serviceProblem.isPresent()) {
            return new Outcome.Invalid(List.of(serviceProblem.get()));
        }
        var typeProblem = typeProblem(request);
        if (typeProblem.isPresent()) {
            return new Outcome.Invalid(List.of(typeProblem.get()));
        }
        var forService = request.service().filter(s -> policy.hasServices());
        var classified = policy.classify(request.changeClass(), request.answers());
        if (classified.isEmpty()) {
            return new Outcome.Invalid(List.of(new FieldProblem(ChangeField.CHANGE_CLASS,
                    "Choose a class of change" + (policy.questionnaire().isPresent() ? ", or answer every question." : "."))));
        }
        // The service may handle the class as another ("a standard homepage change is significant").
        var changeClass = Optional.of(policy.classFor(classified.get(), forService));
        var problems = ChangeDetailsRules.problemsWith(request.details(), changeClass.get().requiredFields(), now);
        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        var calendarProblem = transactions.inTransaction(() ->
                whenItMayStart(request.workspaceId(), changeClass.get(), target(request, forService),
                        request.details().proposedStart(), now));
        if (calendarProblem.isPresent()) {
            return new Outcome.Invalid(List.of(calendarProblem.get()));
        }
        var planned = Change.request(ConflictCheck.PROVISIONAL, request.workspaceId(), request.requesterId(),
                request.channelId(), changeClass.get().name(), forService, request.details(), now).change();
        boolean blocks = changeClass.get().conflicts() == ConflictRule.BLOCK;
        // A warn class's check is a courtesy, in a transaction of its own: its failure loses nothing.
        var warned = blocks ? Optional.<ConflictCheck.Found>empty() : conflictsOf(planned, changeClass.get(), now);
        return transactions.inTransaction(() -> {
            var found = warned;
            if (blocks) {
                // The rule is the policy's: requests of the workspace are checked one at a time, in the
                // transaction that records the change, so of two at once the second sees the first.
                conflicts.oneAtATime(request.workspaceId());
                found = conflictsOf(planned, changeClass.get(), now);
                var blocking = found.map(f -> f.conflicts().stream().filter(ConflictRefusal::blocks).toList())
                        .orElse(List.<Conflict>of());
                if (!blocking.isEmpty()) {
                    return new Outcome.Invalid(List.of(ConflictRefusal.of(blocking, found.get().nextFreeSlot())));
                }
            } else if (warned.isPresent()) {
                // A request at the same moment recorded its change after this one's check read the calendar:
                // one at a time from here, each request also sees the changes recorded since its check.
                conflicts.oneAtATime(request.workspaceId());
                found = Optional.of(conflicts.recheck(planned, changeClass.get(), warned.get(), now));
            }
            var id = changes.nextId(request.workspaceId());
            return new Outcome.Requested(create(request, changeClass.get(), forService, id, found, now), found);
        });
    }

    private Change create(NewChangeRequest request, ChangeClass changeClass, Optional<String> forService,
                          ChangeId id, Optional<ConflictCheck.Found> found, Instant now) {
        var requested = Change.request(id, request.workspaceId(), request.requesterId(), request.channelId(),
                changeClass.name(), forService, request.details(), now);
        // A pre-approved class needs nobody, unless its service asks for approval steps of its own:
        // approved as requested, on the policy's authority.
        var then = changeClass.preApproved()
                && policy.stepsFor(changeClass, request.details().changeType(), forService).isEmpty()
                ? List.<ChangeEvent>of(new ChangeEvent.ChangePreApproved(id, request.requesterId(), now, changeClass.name()))
                : List.<ChangeEvent>of();
        service.create(requested.change(), requested.event(), then);
        found.ifPresent(f -> conflicts.record(requested.change(), changeClass, f, now));
        return requested.change();
    }

    /**
     * A warn class's conflicts are a courtesy: failing to read them records the change without them. A block
     * class's are the policy: a failure refuses the request (an error, nothing recorded) rather than let it by.
     */
    private Optional<ConflictCheck.Found> conflictsOf(Change planned, ChangeClass changeClass, Instant now) {
        if (changeClass.conflicts() == ConflictRule.BLOCK) {
            return conflicts.check(planned, changeClass, now);
        }
        try {
            return conflicts.check(planned, changeClass, now);
        } catch (RuntimeException e) {
            LOG.warn("Could not read the conflicts of a {} change requested by {}", changeClass.name(),
                    planned.requesterId(), e);
            return Optional.empty();
        }
    }

    /**
     * The proposed start must respect the class's notice and calendar; if it does not, the requester
     * is told why and offered the earliest start that does.
     */
    private Optional<FieldProblem> whenItMayStart(String workspaceId, ChangeClass changeClass, DeploymentTarget target,
                                                  Instant start, Instant now) {
        var noticeEnd = changeClass.notice().earliestStart(now, policy.businessCalendar());
        var planner = StartRules.plannerFor(policy, changeClass, target, calendar.at(workspaceId, now));
        if (!start.isBefore(noticeEnd) && planner.check(start).allowed()) {
            return Optional.empty();
        }
        var from = start.isBefore(noticeEnd) ? noticeEnd : start;
        var earliest = planner.earliestCompliantStart(from);
        var why = start.isBefore(noticeEnd)
                ? "This class needs " + String.join(" and ", changeClass.notice().unmetBy(now, start,
                        policy.businessCalendar())) + " notice."
                : planner.explain(start);
        return Optional.of(new FieldProblem(ChangeField.PROPOSED_START, why + earliest
                .map(e -> " Earliest compliant start: " + DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'")
                        .withZone(ZoneOffset.UTC).format(e) + ".")
                .orElse(" No compliant start in the next 3 years.")));
    }

    /**
     * Under a policy with services, a request names one of them (the form and the command offer
     * them); a service whose environments do not include the requested one is refused here, not at
     * deployment.
     */
    private Optional<FieldProblem> serviceProblem(NewChangeRequest request) {
        if (!policy.hasServices()) {
            return Optional.empty();
        }
        if (request.service().isEmpty()) {
            return Optional.of(new FieldProblem(ChangeField.SERVICE,
                    "Choose the service: " + String.join(", ", policy.services().keySet()) + "."));
        }
        var service = policy.service(request.service().get());
        if (service.isEmpty()) {
            return Optional.of(new FieldProblem(ChangeField.SERVICE, "That is not a service of this policy: "
                    + String.join(", ", policy.services().keySet()) + "."));
        }
        var environment = Optional.ofNullable(request.details().environment()).map(String::strip)
                .filter(policy.environments()::contains);
        if (environment.isPresent() && !service.get().deploysTo(environment.get(), policy.environments())) {
            return Optional.of(new FieldProblem(ChangeField.ENVIRONMENT, service.get().label() + " is deployed only to "
                    + String.join(", ", service.get().environmentsIn(policy.environments())) + "."));
        }
        return Optional.empty();
    }

    /** A type, when named, is a row of the policy's approval matrix: its approvers are required. */
    private Optional<FieldProblem> typeProblem(NewChangeRequest request) {
        var type = request.details().changeType();
        if (type.isEmpty() || policy.matrix().rolesFor(type.get()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem(ChangeField.CHANGE_TYPE, policy.matrix().isEmpty()
                ? "This policy has no approval matrix: leave the type out."
                : "That is not a type of change of this policy: " + String.join(", ", policy.matrix().types()) + "."));
    }

    private DeploymentTarget target(NewChangeRequest request, Optional<String> service) {
        var environment = Optional.ofNullable(request.details().environment()).map(String::strip)
                .filter(policy.environments()::contains);
        return new DeploymentTarget(service, environment);
    }

    public sealed interface Outcome {

        /** {@code conflicts}: what the check found, when it looked (the form's warning shows them). */
        record Requested(Change change, Optional<ConflictCheck.Found> conflicts) implements Outcome {

            public Requested(Change change) {
                this(change, Optional.empty());
            }
        }

        record Invalid(List<FieldProblem> problems) implements Outcome {
        }
    }
}
