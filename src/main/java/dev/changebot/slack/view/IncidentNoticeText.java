package dev.changebot.slack.view;

import dev.changebot.domain.notice.NoticeFacts;
import java.util.List;

/** The incident banner and the digest when its freeze lifts, as Slack text. What tools and people typed is escaped. */
final class IncidentNoticeText {

    /** Changes named in a digest; the rest are counted. */
    static final int MAX_WAITING = 20;

    private IncidentNoticeText() {
    }

    static String freeze(NoticeFacts.IncidentFreeze freeze) {
        var text = new StringBuilder(":rotating_light: *Changes to ").append(Mrkdwn.escape(freeze.services()))
                .append(freeze.reopened() ? " are frozen again*: reopened, " : " are frozen*: ").append(Cut.userText(freeze.headline(), NoticeMessage.MAX_TITLE))
                .append(" (from ").append(Mrkdwn.escape(freeze.source())).append(").");
        freeze.links().stream().filter(Mrkdwn::isWebLink).findFirst()
                .ifPresent(link -> text.append(" <").append(link).append("|Open the incident>."));
        text.append(" Changes that remediate it go ahead: declare them with `--incident ").append(freeze.ref())
                .append("`. Caused by a change? `/change incident cause ").append(freeze.ref()).append(" CHG-n`.");
        return text.toString();
    }

    /** "Caused by a change?": opens the form that links the change that caused the incident. */
    static com.slack.api.model.block.LayoutBlock causeButton(NoticeFacts.IncidentFreeze freeze) {
        return com.slack.api.model.block.Blocks.actions(a -> a.elements(List.of(
                com.slack.api.model.block.element.BlockElements.button(b -> b.actionId(
                        dev.changebot.slack.SlackIds.INCIDENT_CAUSE_BUTTON).value(freeze.ref())
                        .text(com.slack.api.model.block.composition.BlockCompositions.plainText("Caused by a change?"))))));
    }

    static String thaw(NoticeFacts.IncidentThaw thaw) {
        var text = new StringBuilder(":white_check_mark: *Freeze lifted* for ").append(Mrkdwn.escape(thaw.services()))
                .append(": ").append(Cut.userText(thaw.headline(), NoticeMessage.MAX_TITLE)).append(" is resolved.");
        if (thaw.waiting().isEmpty()) {
            return text.append(" No change was waiting for it.").toString();
        }
        text.append(" Changes that were waiting may go now:");
        thaw.waiting().stream().limit(MAX_WAITING)
                .forEach(line -> text.append("\n• ").append(Cut.userText(line, NoticeMessage.MAX_TITLE)));
        if (thaw.waiting().size() > MAX_WAITING) {
            text.append("\n… and ").append(thaw.waiting().size() - MAX_WAITING).append(" more (`/change list`).");
        }
        return text.toString();
    }
}
