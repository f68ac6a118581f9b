package dev.changebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ReactionAddedEvent;
import com.slack.api.model.event.ReactionRemovedEvent;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.changebot.slack.change.AppHome;
import dev.changebot.slack.change.EmergencyButtons;
import dev.changebot.slack.change.ApproveButton;
import dev.changebot.slack.change.ApproveReaction;
import dev.changebot.slack.change.NewChangeSubmission;
import dev.changebot.slack.change.RejectButton;
import dev.changebot.slack.change.OverrideSubmission;
import dev.changebot.slack.change.RejectReasonSubmission;
import dev.changebot.slack.change.StartButton;
import dev.changebot.slack.change.WorkButtonHandlers;
import dev.changebot.slack.command.ChangeCommandHandler;
import jakarta.inject.Singleton;

/** Every Slack interaction we handle, registered in one place. */
@Singleton
public class SlackListeners {

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

    public SlackListeners(ChangeCommandHandler changeCommand, NewChangeSubmission newChangeSubmission,
                          ApproveButton approveButton, RejectButton rejectButton,
                          RejectReasonSubmission rejectReasonSubmission, ApproveReaction approveReaction,
                          StartButton startButton, OverrideSubmission overrideSubmission, AppHome appHome,
                          EmergencyButtons emergencyButtons, WorkButtonHandlers workButtons) {
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

    public void register(App app) {
        app.command(SlackIds.COMMAND, changeCommand);
        app.viewSubmission(SlackIds.NEW_CHANGE_MODAL, newChangeSubmission);
        app.blockAction(SlackIds.APPROVE_BUTTON, approveButton);
        app.blockAction(SlackIds.REJECT_BUTTON, rejectButton);
        app.viewSubmission(SlackIds.REJECT_MODAL, rejectReasonSubmission);
        app.blockAction(SlackIds.START_BUTTON, startButton);
        app.viewSubmission(SlackIds.OVERRIDE_MODAL, overrideSubmission);
        app.blockAction(SlackIds.DEPLOYED_BUTTON, workButtons::deployed);
        app.blockAction(SlackIds.DONE_BUTTON, workButtons::done);
        app.blockAction(SlackIds.ROLLED_BACK_BUTTON, workButtons::rolledBack);
        app.blockAction(SlackIds.FAILED_BUTTON, workButtons::failed);
        app.blockAction(SlackIds.RESOLVE_BUTTON, emergencyButtons::resolve);
        app.blockAction(java.util.regex.Pattern.compile(SlackIds.SATISFY_BUTTON + ":.*"), emergencyButtons::satisfy);
        app.viewSubmission(SlackIds.SATISFY_MODAL, emergencyButtons::submitted);
        app.event(AppHomeOpenedEvent.class, appHome::opened);
        app.event(ReactionAddedEvent.class, approveReaction::added);
        app.event(ReactionRemovedEvent.class, approveReaction::removed);
    }
}
