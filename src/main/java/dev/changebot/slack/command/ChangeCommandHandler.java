package dev.changebot.slack.command;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.changebot.application.evidence.ShowAuditTrail;
import dev.changebot.application.request.AnswerOnce;
import dev.changebot.application.request.Delivery;
import dev.changebot.application.change.ChangeService;
import dev.changebot.application.change.DeclareEmergency;
import dev.changebot.domain.change.ChangeState;
import dev.changebot.slack.inbound.SatisfyFlow;
import dev.changebot.application.query.FindChanges;
import dev.changebot.application.change.ManageFreezes;
import dev.changebot.application.incident.ManageIncidents;
import dev.changebot.slack.inbound.Replies;
import dev.changebot.slack.inbound.StartFlow;
import dev.changebot.application.query.ShowCalendar;
import dev.changebot.slack.connection.ReaderZones;
import dev.changebot.slack.view.AuditTrailView;
import dev.changebot.slack.view.CalendarView;
import dev.changebot.slack.view.ConflictsView;
import dev.changebot.application.query.FindConflicts;
import dev.changebot.slack.view.ChangeList;
import dev.changebot.slack.view.FreezeList;
import dev.changebot.slack.view.Cut;
import dev.changebot.slack.view.Mrkdwn;
import dev.changebot.slack.view.SlackLimits;
import dev.changebot.slack.view.ChangeMessage;
import dev.changebot.slack.view.HelpText;
import dev.changebot.slack.view.NewChangeModal;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** `/change ...`: reads the text, runs one command or question, answers privately in the ack. */
@Singleton
public class ChangeCommandHandler implements SlashCommandHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeCommandHandler.class);

    private final FindChanges findChanges;
    private final ChangeService service;
    private final Clock clock;
    private final Policy policy;
    private final StartFlow startFlow;
    private final ManageFreezes manageFreezes;
    private final DeclareEmergency declareEmergency;
    private final SatisfyFlow satisfyFlow;
    private final AnswerOnce once;
    private final EvidenceFlow evidenceFlow;
    private final ReportFlow reportFlow;
    private final ShowAuditTrail auditTrail;
    private final TokenFlow tokenFlow;
    private final ManageIncidents manageIncidents;
    private final ShowCalendar showCalendar;
    private final ReaderZones readerZones;
    private final CalendarFeedFlow feedFlow;
    private final FindConflicts findConflicts;

    public ChangeCommandHandler(FindChanges findChanges, ChangeService service, Clock clock, Policy policy,
                                StartFlow startFlow, ManageFreezes manageFreezes, DeclareEmergency declareEmergency,
                                SatisfyFlow satisfyFlow, AnswerOnce once, EvidenceFlow evidenceFlow, ReportFlow reportFlow,
                                ShowAuditTrail auditTrail, TokenFlow tokenFlow, ManageIncidents manageIncidents,
                                ShowCalendar showCalendar, ReaderZones readerZones, CalendarFeedFlow feedFlow,
                                FindConflicts findConflicts) {
        this.manageIncidents = manageIncidents;
        this.findConflicts = findConflicts;
        this.feedFlow = feedFlow;
        this.tokenFlow = tokenFlow;
        this.showCalendar = showCalendar;
        this.readerZones = readerZones;
        this.once = once;
        this.evidenceFlow = evidenceFlow;
        this.reportFlow = reportFlow;
        this.auditTrail = auditTrail;
        this.declareEmergency = declareEmergency;
        this.satisfyFlow = satisfyFlow;
        this.manageFreezes = manageFreezes;
        this.startFlow = startFlow;
        this.policy = policy;
        this.findChanges = findChanges;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) {
        var p = req.getPayload();
        var team = p.getTeamId();
        var user = p.getUserId();
        var command = ChangeCommandParser.parse(p.getText());
        return answer(ctx, command, team, user, p.getTriggerId(), p.getChannelId());
    }

    private Response answer(SlashCommandContext ctx, SlashCommand command, String team, String user,
                            String triggerId, String channelId) {
        if (command instanceof SlashCommand.Unreadable unreadable) {
            return privately(ctx, HelpText.after(unreadable.problem()));
        }
        if (command instanceof SlashCommand.New create) {
            if (create.service().isPresent() && policy.service(create.service().get()).isEmpty()) {
                // Not echoed: the list of services says enough.
                return privately(ctx, policy.hasServices()
                        ? "That is not a service of this policy; its services are "
                                + String.join(", ", policy.services().keySet()) + "."
                        : "This policy names no services: leave `--service` out.");
            }
            if (create.type().isPresent() && policy.matrix().rolesFor(create.type().get()).isEmpty()) {
                return privately(ctx, policy.matrix().isEmpty()
                        ? "This policy has no approval matrix: leave `--type` out."
                        : "That is not a type of change of this policy; its types are "
                                + String.join(", ", policy.matrix().types()) + ".");
            }
            return openNewChangeForm(ctx, triggerId, channelId, create.titleHint(), create.service(), create.type());
        }
        if (command instanceof SlashCommand.ListOpen list) {
            var page = findChanges.openPage(team, list.page(), ChangeList.PER_PAGE);
            return privately(ctx, ChangeList.text(page), ChangeList.blocks(page));
        }
        if (command instanceof SlashCommand.Show show) {
            return findChanges.byId(team, show.id())
                    .map(view -> privately(ctx, ChangeMessage.fallbackText(view.change()),
                            ChangeMessage.summaryBlocks(view)))
                    .orElseGet(() -> privately(ctx, Replies.notFound(show.id().toString())));
        }
        var onAChange = CommandOnAChange.of(command);
        if (onAChange.isPresent()) {
            var act = onAChange.get();
            return once(ctx, team, triggerId, () -> act.answer(service.run(team, act.id(), user, act.command())));
        }
        if (command instanceof SlashCommand.Emergency emergency) {
            return once(ctx, team, triggerId, () -> declare(team, user, channelId, emergency));
        }
        if (command instanceof SlashCommand.Satisfy satisfy) {
            return satisfyFlow.open(ctx.client(), triggerId, team, user, satisfy.id(), satisfy.obligation())
                    .map(text -> privately(ctx, text)).orElseGet(ctx::ack);
        }
        if (command instanceof SlashCommand.FreezeStart freeze) {
            return once(ctx, team, triggerId, () -> Mrkdwn.escape(manageFreezes.declare(team, user, freeze.reason(),
                    freeze.until())));
        }
        if (command instanceof SlashCommand.FreezeEnd) {
            return once(ctx, team, triggerId, () -> manageFreezes.lift(team, user));
        }
        if (command instanceof SlashCommand.FreezeList list) {
            return privately(ctx, FreezeList.text(manageFreezes.list(team), list.page()));
        }
        if (command instanceof SlashCommand.IncidentStart start) {
            return once(ctx, team, triggerId, () -> Mrkdwn.escape(manageIncidents.start(team, user, channelId, start.severity(),
                    start.words())));
        }
        if (command instanceof SlashCommand.IncidentResolve resolve) {
            return once(ctx, team, triggerId, () -> Mrkdwn.escape(manageIncidents.resolve(team, user, resolve.number())));
        }
        if (command instanceof SlashCommand.IncidentLink link) {
            return once(ctx, team, triggerId, () -> manageIncidents.link(team, user, link.number(), link.changeId(),
                    link.cause() ? dev.changebot.application.port.Incidents.Link.CAUSE
                            : dev.changebot.application.port.Incidents.Link.REMEDIATION));
        }
        if (command instanceof SlashCommand.Evidence evidence) {
            // Once per delivery: a redelivered command must not build and send a second pack.
            return once(ctx, team, triggerId, () -> evidenceFlow.start(ctx.client(), team, user, channelId,
                    evidence.period()));
        }
        if (command instanceof SlashCommand.Report report) {
            // Once per delivery: a redelivered command must not post the report twice.
            return once(ctx, team, triggerId, () -> reportFlow.start(ctx.client(), team, user, channelId, report.period()));
        }
        if (command instanceof SlashCommand.Audit audit) {
            return auditTrail.of(team, audit.id())
                    .map(trail -> privately(ctx, AuditTrailView.text(trail, audit.page()),
                            AuditTrailView.blocks(trail, audit.page())))
                    .orElseGet(() -> privately(ctx, Replies.notFound(audit.id().toString())));
        }
        if (command instanceof SlashCommand.Token token) {
            // Not once per delivery: the answer holds a new token's text, which must not be kept.
            return privately(ctx, tokenFlow.answer(team, user, token));
        }
        if (command instanceof SlashCommand.Conflicts conflicts) {
            return findConflicts.of(team, conflicts.id()).map(found -> privately(ctx, ConflictsView.text(found)))
                    .orElseGet(() -> privately(ctx, Replies.notFound(conflicts.id().toString())));
        }
        if (command instanceof SlashCommand.CalendarSubscribe subscribe) {
            // Not once per delivery: the answer holds the URL's secret, which must not be kept.
            return privately(ctx, feedFlow.subscribe(team, user, subscribe.services()));
        }
        if (command instanceof SlashCommand.CalendarUnsubscribe) {
            return privately(ctx, feedFlow.unsubscribe(team, user));
        }
        if (command instanceof SlashCommand.Calendar calendar) {
            var answer = showCalendar.of(team, calendar.period(), calendar.service(), readerZones.of(user));
            if (answer instanceof ShowCalendar.Shown shown) {
                return privately(ctx, CalendarView.fallbackText(shown.calendar()), CalendarView.blocks(shown.calendar()));
            }
            return privately(ctx, HelpText.after(Mrkdwn.escape(((ShowCalendar.Refused) answer).reason())));
        }
        if (command instanceof SlashCommand.Start start) {
            return startFlow.start(ctx.client(), triggerId, team, start.id(), user)
                    .map(text -> privately(ctx, text)).orElseGet(ctx::ack);
        }
        return privately(ctx, HelpText.text());
    }

    private String declare(String team, String user, String channelId, SlashCommand.Emergency emergency) {
        // The incidents it remediates are linked in the declaration's transaction; an unknown --incident refuses it.
        var result = declareEmergency.declare(team, user, channelId, emergency.summary(), emergency.incidentCommander(),
                emergency.severity(), emergency.approvedBy(),
                manageIncidents.emergencyLinks(team, user, channelId, emergency.incident()));
        if (!(result instanceof DeclareEmergency.Result.Declared declared)) {
            return ((DeclareEmergency.Result.Refused) result).reason();
        }
        return "Declared " + declared.change().id() + ". The announcement with its follow-ups is in this channel."
                + (declared.change().state() == ChangeState.PENDING_APPROVAL
                        ? " The policy asks for an approval before work starts: it is on the announcement." : "")
                + declared.note().orElse("");
    }

    /**
     * A command that changes something acts once per delivery: Slack may send the same command
     * (one trigger id) again, and the redelivery is given the first answer.
     */
    private Response once(SlashCommandContext ctx, String team, String triggerId, Supplier<String> work) {
        return privately(ctx, once.answer(Delivery.slashCommand(team, triggerId), work));
    }

    private Response openNewChangeForm(SlashCommandContext ctx, String triggerId, String channelId, String title,
                                       java.util.Optional<String> service, java.util.Optional<String> type) {
        try {
            // The trigger id lives 3 seconds: the modal is opened here, on the request path.
            var response = ctx.client().viewsOpen(r -> r.triggerId(triggerId)
                    .view(NewChangeModal.render(policy, channelId, title, service, type, clock.instant())));
            if (response.isOk()) {
                return ctx.ack();
            }
            LOG.warn("Slack refused to open the new-change form: {}", response.getError());
            return privately(ctx, "Slack would not open the form (" + response.getError() + "). Please try again.");
        } catch (Exception e) {
            LOG.warn("Could not open the new-change form", e);
            return privately(ctx, "Slack did not answer in time to open the form. Please try again.");
        }
    }

    /** Every answer is kept well inside the 40,000 characters after which Slack cuts a message. */
    private static Response privately(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(Cut.mrkdwn(text, SlackLimits.MESSAGE_TEXT)));
    }

    private static Response privately(SlashCommandContext ctx, String text, List<LayoutBlock> blocks) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text).blocks(blocks));
    }
}
