package dev.changebot.slack.inbound;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.changebot.application.query.FindChanges;
import dev.changebot.slack.ListCursor;
import dev.changebot.slack.view.ChangeList;
import jakarta.inject.Singleton;

/** Next page under a page of `/change list`: the page after the last change shown, told privately. */
@Singleton
public class ListNextButton implements BlockActionHandler {

    private final FindChanges findChanges;

    public ListNextButton(FindChanges findChanges) {
        this.findChanges = findChanges;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var click = ButtonClick.of(req.getPayload());
        var cursor = ListCursor.decode(click.value());
        if (cursor.isEmpty()) {
            Ephemeral.tell(ctx.client(), click.channelId(), click.userId(),
                    "That list is out of date: `/change list` shows it again.");
            return ctx.ack();
        }
        var page = findChanges.openAfter(click.teamId(), cursor.get().afterNumber(), cursor.get().page(),
                ChangeList.PER_PAGE);
        Ephemeral.tell(ctx.client(), click.channelId(), click.userId(), ChangeList.text(page), ChangeList.blocks(page));
        return ctx.ack();
    }
}
