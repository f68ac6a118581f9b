package dev.changebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.changebot.slack.inbound.AppHome;
import dev.changebot.slack.inbound.EmergencyButtons;
import dev.changebot.slack.inbound.IncidentCauseButton;
import dev.changebot.slack.inbound.IncidentCauseSubmission;
import dev.changebot.slack.inbound.ListNextButton;
import dev.changebot.slack.inbound.ErrorBoundary;
import dev.changebot.slack.inbound.ApproveButton;
import dev.changebot.slack.inbound.ApproveReaction;
import dev.changebot.slack.inbound.NewChangeSubmission;
import dev.changebot.slack.inbound.RejectButton;
import dev.changebot.slack.inbound.OverrideSubmission;
import dev.changebot.slack.inbound.RejectReasonSubmission;
import dev.changebot.slack.inbound.StartButton;
import dev.changebot.slack.inbound.WorkButtonHandlers;
import dev.changebot.slack.command.ChangeCommandHandler;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** Every Slack interaction we handle, registered in one place. */
@Singleton
public class SlackListeners {

    private final IncidentCauseButton incidentCauseButton;
    private final IncidentCauseSubmission incidentCauseSubmission;
    private final ChangeCommandHandler changeCommand;
    private final NewChangeSubmission newChangeSubmission;
    private final ApproveButton approveButton;
    private final RejectButton rejectButton;
    private final RejectReasonSubmission rejectReasonSubmission;
    private final ApproveReaction approveReaction;
    private final StartButton startButton;
    private final AppHome appHome;
    private final EmergencyButtons emergencyButtons;
    private final OverrideSubmission overrideSubmission;
    private final WorkButtonHandlers workButtons;
    private final ListNextButton listNext;

    public SlackListeners(ChangeCommandHandler changeCommand, NewChangeSubmission newChangeSubmission,
                          ApproveButton approveButton, RejectButton rejectButton,
                          RejectReasonSubmission rejectReasonSubmission, ApproveReaction approveReaction,
                          StartButton startButton, OverrideSubmission overrideSubmission, AppHome appHome,
                          EmergencyButtons emergencyButtons, WorkButtonHandlers workButtons,
                          ListNextButton listNext, IncidentCauseButton incidentCauseButton,
                          IncidentCauseSubmission incidentCauseSubmission) {
        this.incidentCauseButton = incidentCauseButton;
        this.incidentCauseSubmission = incidentCauseSubmission;
        this.listNext = listNext;
        this.emergencyButtons = emergencyButtons;
        this.workButtons = workButtons;
        this.appHome = appHome;
        this.startButton = startButton;
        this.overrideSubmission = overrideSubmission;
        this.approveReaction = approveReaction;
        this.changeCommand = changeCommand;
        this.newChangeSubmission = newChangeSubmission;
        this.approveButton = approveButton;
        this.rejectButton = rejectButton;
        this.rejectReasonSubmission = rejectReasonSubmission;
    }

    /**
     * Each handler behind the error boundary, which answers a failure the way its kind of
     * interaction answers; a form names the block its errors show on. The App Home has its own
     * answer to a failure: the Home says it could not be read.
     */
    public void register(App app) {
        app.command(SlackIds.COMMAND, ErrorBoundary.slashCommand(changeCommand));
        app.viewSubmission(SlackIds.NEW_CHANGE_MODAL, ErrorBoundary.viewSubmission(SlackIds.TITLE, newChangeSubmission));
        app.blockAction(SlackIds.APPROVE_BUTTON, ErrorBoundary.blockAction(approveButton));
        app.blockAction(SlackIds.APPROVE_ROLLBACK_BUTTON, ErrorBoundary.blockAction(approveButton::rollback));
        app.blockAction(SlackIds.REJECT_BUTTON, ErrorBoundary.blockAction(rejectButton));
        app.viewSubmission(SlackIds.REJECT_MODAL, ErrorBoundary.viewSubmission(SlackIds.REASON, rejectReasonSubmission));
        app.blockAction(SlackIds.START_BUTTON, ErrorBoundary.blockAction(startButton));
        app.viewSubmission(SlackIds.OVERRIDE_MODAL,
                ErrorBoundary.viewSubmission(SlackIds.OVERRIDE_JUSTIFICATION, overrideSubmission));
        app.blockAction(SlackIds.DEPLOYED_BUTTON, ErrorBoundary.blockAction(workButtons::deployed));
        app.blockAction(SlackIds.DONE_BUTTON, ErrorBoundary.blockAction(workButtons::done));
        app.blockAction(SlackIds.ROLLED_BACK_BUTTON, ErrorBoundary.blockAction(workButtons::rolledBack));
        app.blockAction(SlackIds.FAILED_BUTTON, ErrorBoundary.blockAction(workButtons::failed));
        app.blockAction(SlackIds.LIST_NEXT_BUTTON, ErrorBoundary.blockAction(listNext));
        app.blockAction(SlackIds.INCIDENT_CAUSE_BUTTON, ErrorBoundary.blockAction(incidentCauseButton));
        app.viewSubmission(SlackIds.INCIDENT_CAUSE_MODAL,
                ErrorBoundary.viewSubmission(SlackIds.CAUSE_CHANGE, incidentCauseSubmission));
        app.blockAction(SlackIds.RESOLVE_BUTTON, ErrorBoundary.blockAction(emergencyButtons::resolve));
        app.blockAction(Pattern.compile(SlackIds.SATISFY_BUTTON + ":.*"),
                ErrorBoundary.blockAction(emergencyButtons::satisfy));
        app.viewSubmission(SlackIds.SATISFY_MODAL,
                ErrorBoundary.viewSubmission(EmergencyButtons::errorBlock, emergencyButtons::submitted));
        app.event(AppHomeOpenedEvent.class, appHome::opened);
        app.event(ReactionAddedEvent.class, ErrorBoundary.reaction(ApproveReaction::onMessage, approveReaction::added));
        app.event(ReactionRemovedEvent.class, ErrorBoundary.reaction(ApproveReaction::onMessage, approveReaction::removed));
    }
}
