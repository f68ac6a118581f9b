package dev.changebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import com.slack.api.model.view.Views;
import dev.changebot.sandbox.workspace.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The stand-in's answers checked against the Slack SDK's own model classes: the SDK client the bot
 * uses, set to fail on any property its models do not know, calls every method the stand-in
 * serves and reads the fields the bot (or any app) reads. A shape that drifts from Slack's fails here.
 */
@Timeout(120)
class StandInShapesTest {

    private final SandboxApp sandbox = SandboxApp.start(Map.of("changebot.policy", "preset:default"));
    private final MethodsClient client = strictClient();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @DisplayName("auth, chat, reactions and permalinks parse into the SDK's models with their fields")
    void chatShapes() throws Exception {
        var auth = client.authTest(r -> r);
        assertThat(auth.isOk()).isTrue();
        assertThat(List.of(auth.getUserId(), auth.getTeamId(), auth.getBotId(), auth.getTeam(), auth.getUser()))
                .containsExactly(Workspace.BOT_USER_ID, "T0SANDBOX", Workspace.BOT_ID, "Sandbox", "changebot");

        var posted = client.chatPostMessage(r -> r.channel("C0CHANGES").text("fallback")
                .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("*hello*"))))));
        assertThat(posted.isOk()).as(posted.getError()).isTrue();
        assertThat(posted.getChannel()).isEqualTo("C0CHANGES");
        assertThat(posted.getMessage().getBlocks()).hasSize(1);
        assertThat(posted.getMessage().getBotId()).isEqualTo(Workspace.BOT_ID);

        var updated = client.chatUpdate(r -> r.channel("C0CHANGES").ts(posted.getTs()).text("changed"));
        assertThat(updated.isOk()).isTrue();
        assertThat(updated.getTs()).isEqualTo(posted.getTs());
        assertThat(updated.getMessage().getText()).isEqualTo("changed");

        var reply = client.chatPostMessage(r -> r.channel("C0CHANGES").threadTs(posted.getTs()).text("in the thread"));
        assertThat(reply.getMessage().getThreadTs()).isEqualTo(posted.getTs());

        var ephemeral = client.chatPostEphemeral(r -> r.channel("C0CHANGES").user(SandboxApp.ALICE).text("only you"));
        assertThat(ephemeral.getMessageTs()).isNotBlank();

        var dm = client.chatPostMessage(r -> r.channel(SandboxApp.ALICE).text("psst"));
        assertThat(dm.getChannel()).isEqualTo("D0ALICE");

        var permalink = client.chatGetPermalink(r -> r.channel("C0CHANGES").messageTs(posted.getTs()));
        assertThat(permalink.getPermalink()).contains("/sandbox#C0CHANGES/" + posted.getTs());

        assertThat(client.reactionsAdd(r -> r.channel("C0CHANGES").timestamp(posted.getTs()).name("eyes")).isOk()).isTrue();
        var reactions = client.reactionsGet(r -> r.channel("C0CHANGES").timestamp(posted.getTs()));
        assertThat(reactions.getMessage().getReactions()).singleElement().satisfies(reaction -> {
            assertThat(reaction.getName()).isEqualTo("eyes");
            assertThat(reaction.getUsers()).containsExactly(Workspace.BOT_USER_ID);
            assertThat(reaction.getCount()).isEqualTo(1);
        });
        assertThat(client.reactionsRemove(r -> r.channel("C0CHANGES").timestamp(posted.getTs()).name("eyes")).isOk()).isTrue();

        var deleted = client.chatDelete(r -> r.channel("C0CHANGES").ts(reply.getTs()));
        assertThat(deleted.isOk()).isTrue();
    }

    @Test
    @DisplayName("users, user groups and conversations parse, with what SlackRoleDirectory and BotUsers read")
    void directoryShapes() throws Exception {
        var user = client.usersInfo(r -> r.user(SandboxApp.ALICE)).getUser();
        assertThat(user.getId()).isEqualTo(SandboxApp.ALICE);
        assertThat(user.isBot()).isFalse();
        assertThat(user.getTz()).isEqualTo("Europe/London");
        assertThat(user.getProfile().getTitle()).isEqualTo("Requester");
        assertThat(client.usersInfo(r -> r.user(Workspace.BOT_USER_ID)).getUser().isBot()).isTrue();

        var groups = client.usergroupsList(r -> r.includeUsers(true)).getUsergroups();
        assertThat(groups).extracting(g -> g.getHandle()).contains("change-approvers", "incident-commanders");
        assertThat(groups).allSatisfy(g -> assertThat(g.getUsers()).isNotEmpty());
        var members = client.usergroupsUsersList(r -> r.usergroup(groups.get(0).getId()));
        assertThat(members.getUsers()).isEqualTo(groups.get(0).getUsers());

        var opened = client.conversationsOpen(r -> r.users(List.of(SandboxApp.ALICE)));
        assertThat(opened.getChannel().getId()).isEqualTo("D0ALICE");
        var info = client.conversationsInfo(r -> r.channel("C0INCIDENTS"));
        assertThat(info.getChannel().getName()).isEqualTo("incidents");
    }

    @Test
    @DisplayName("views.open, push, update and publish parse into the SDK's View, ids and hashes as Slack keeps them")
    void viewShapes() throws Exception {
        var workspace = sandbox.app().bean(Workspace.class);
        var opened = client.viewsOpen(r -> r.triggerId(workspace.issueTrigger(SandboxApp.ALICE)).view(Views.view(v -> v
                .type("modal").callbackId("form").privateMetadata("{\"v\":1}").title(Views.viewTitle(t -> t.type("plain_text").text("Form")))
                .submit(Views.viewSubmit(t -> t.type("plain_text").text("Send")))
                .blocks(List.of(Blocks.input(i -> i.blockId("title").label(BlockCompositions.plainText("Title"))
                        .element(com.slack.api.model.block.element.BlockElements.plainTextInput(p -> p.actionId("input")))))))));
        assertThat(opened.isOk()).as(opened.getError()).isTrue();
        var view = opened.getView();
        assertThat(view.getId()).isNotBlank();
        assertThat(view.getHash()).isNotBlank();
        assertThat(view.getCallbackId()).isEqualTo("form");
        assertThat(view.getPrivateMetadata()).isEqualTo("{\"v\":1}");
        assertThat(view.getRootViewId()).isEqualTo(view.getId());
        assertThat(view.getState().getValues()).isEmpty();

        var pushed = client.viewsPush(r -> r.triggerId(workspace.issueTrigger(SandboxApp.ALICE)).view(Views.view(v -> v
                .type("modal").title(Views.viewTitle(t -> t.type("plain_text").text("More"))).blocks(List.of(Blocks.divider())))));
        assertThat(pushed.getView().getPreviousViewId()).isEqualTo(view.getId());

        var updated = client.viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(Views.view(v -> v
                .type("modal").title(Views.viewTitle(t -> t.type("plain_text").text("Form, again"))).blocks(List.of()))));
        assertThat(updated.getView().getHash()).isNotEqualTo(view.getHash());
        var stale = client.viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(Views.view(v -> v
                .type("modal").title(Views.viewTitle(t -> t.type("plain_text").text("Stale"))).blocks(List.of()))));
        assertThat(stale.getError()).isEqualTo("hash_conflict");

        var home = client.viewsPublish(r -> r.userId(SandboxApp.ALICE).view(Views.view(v -> v.type("home")
                .blocks(List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText("Your changes"))))))));
        assertThat(home.getView().getType()).isEqualTo("home");
    }

    @Test
    @DisplayName("files.uploadV2's steps (upload URL, upload, complete) run against the stand-in and share the file")
    void fileUpload() throws Exception {
        var uploaded = client.filesUploadV2(r -> r.channel("C0CHANGES").filename("evidence.csv").title("Evidence")
                .content("change,approved\nCHG-1,yes\n").initialComment("Evidence for November"));

        assertThat(uploaded.isOk()).as(uploaded.getError()).isTrue();
        assertThat(uploaded.getFiles()).singleElement().satisfies(file -> assertThat(file.getTitle()).isEqualTo("Evidence"));
        assertThat(sandbox.messages(SandboxApp.ALICE, "C0CHANGES").toString()).contains("Evidence for November", "|Evidence>");
    }

    @Test
    @DisplayName("refusals parse too: ok false with Slack's error code")
    void errorShapes() throws Exception {
        var unknown = client.chatPostMessage(r -> r.channel("C0NOWHERE").text("hello"));
        assertThat(unknown.isOk()).isFalse();
        assertThat(unknown.getError()).isEqualTo("channel_not_found");
        var trigger = client.viewsOpen(r -> r.triggerId("1.2.3").view(Views.view(v -> v.type("modal")
                .title(Views.viewTitle(t -> t.type("plain_text").text("x"))).blocks(List.of()))));
        assertThat(trigger.getError()).isEqualTo("invalid_trigger_id");
        assertThat(client.usersInfo(r -> r.user("U0NOBODY")).getError()).isEqualTo("user_not_found");
    }

    private MethodsClient strictClient() {
        var config = new SlackConfig();
        // Every property of every answer must be one the SDK's models know (the bot's client only warns).
        config.setFailOnUnknownProperties(true);
        config.setMethodsEndpointUrlPrefix(sandbox.app().uri("/sandbox/slack/api/").toString());
        return Slack.getInstance(config).methods(sandbox.app().bean(SandboxCredentials.class).botToken());
    }
}
