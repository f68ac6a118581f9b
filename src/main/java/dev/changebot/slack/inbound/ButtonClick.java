package dev.changebot.slack.inbound;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.changebot.domain.change.MessageRef;
import java.util.Optional;

/**
 * One click on a button of ours, as the signed payload tells it: who clicked, where to answer
 * them, the button's value, and what the button sat on (a message, or the clicker's App Home).
 * The request boundary has checked that the user, team and action are there.
 */
record ButtonClick(String teamId, String userId, String channelId, String value, String triggerId,
                   Optional<MessageRef> message, boolean onHome) {

    static ButtonClick of(BlockActionPayload p) {
        var user = p.getUser().getId();
        // Outside a channel (the App Home) the answer goes to the person's DM with the app.
        var channel = p.getChannel() == null || p.getChannel().getId() == null ? user : p.getChannel().getId();
        var value = p.getActions().get(0).getValue();
        var container = p.getContainer();
        var type = container == null ? null : container.getType();
        var onHome = "view".equals(type) && p.getView() != null && "home".equals(p.getView().getType());
        Optional<MessageRef> message = "message".equals(type) && container.getChannelId() != null
                && container.getMessageTs() != null
                ? Optional.of(new MessageRef(container.getChannelId(), container.getMessageTs())) : Optional.empty();
        return new ButtonClick(p.getTeam().getId(), user, channel, value == null ? "" : value, p.getTriggerId(), message,
                onHome);
    }
}
