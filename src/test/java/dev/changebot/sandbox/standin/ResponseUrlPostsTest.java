package dev.changebot.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.sandbox.workspace.Channel;
import dev.changebot.sandbox.workspace.Person;
import dev.changebot.sandbox.workspace.SlackRefusal;
import dev.changebot.sandbox.workspace.Workspace;
import dev.changebot.support.MutableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A response_url post, as Slack treats one: where it lands, what it replaces, and its five uses. */
class ResponseUrlPostsTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final Workspace workspace = new Workspace(clock, clock, List.of(new Channel("C0CHANGES", "changes", false, null, null)),
            List.of(new Person("U0ALICE", "alice", "Alice Ng", "Requester", "UTC"),
                    new Person("U0BOB", "bob", "Bob Okafor", "Approver", "UTC")), List.of());
    final ResponseUrls urls = new ResponseUrls();
    final ResponseUrlPosts posts = new ResponseUrlPosts(workspace, urls);

    @Test
    @DisplayName("ephemeral by default, for the person only; in_channel for everyone")
    void whereItLands() {
        posts.post(urls.issue("U0ALICE", "C0CHANGES", null, false), "{\"text\":\"just you\"}");
        posts.post(urls.issue("U0ALICE", "C0CHANGES", null, false), "{\"text\":\"everyone\",\"response_type\":\"in_channel\"}");

        assertThat(workspace.snapshot("U0ALICE").ephemerals()).extracting(e -> e.message().text()).containsExactly("just you");
        assertThat(workspace.snapshot("U0BOB").ephemerals()).isEmpty();
        assertThat(workspace.snapshot("U0BOB").messages().get("C0CHANGES")).extracting(m -> m.text()).containsExactly("everyone");
    }

    @Test
    @DisplayName("replace_original and delete_original act on the message the interaction came from")
    void replaceAndDelete() {
        var ephemeral = workspace.postEphemeral("C0CHANGES", "U0ALICE", "page 1", null);
        posts.post(urls.issue("U0ALICE", "C0CHANGES", ephemeral.ts(), true), "{\"text\":\"page 2\",\"replace_original\":true}");
        assertThat(workspace.snapshot("U0ALICE").ephemerals()).extracting(e -> e.message().text()).containsExactly("page 2");

        var message = workspace.post("C0CHANGES", Workspace.BOT_USER_ID, Workspace.BOT_ID, "CHG-1", null, null);
        posts.post(urls.issue("U0BOB", "C0CHANGES", message.ts(), false), "{\"delete_original\":true}");
        assertThat(workspace.snapshot("U0BOB").messages().get("C0CHANGES")).isEmpty();
    }

    @Test
    @DisplayName("five uses, then used_url; an unknown URL is refused; over-limit text is refused and recorded")
    void limits() {
        var token = urls.issue("U0ALICE", "C0CHANGES", null, false);
        for (int i = 0; i < 5; i++) {
            posts.post(token, "{\"text\":\"" + i + "\"}");
        }
        assertThatThrownBy(() -> posts.post(token, "{\"text\":\"6\"}")).isInstanceOf(SlackRefusal.class).hasMessageContaining("used_url");
        assertThatThrownBy(() -> posts.post("nope", "{\"text\":\"x\"}")).hasMessageContaining("invalid_url");

        var fresh = urls.issue("U0ALICE", "C0CHANGES", null, false);
        assertThatThrownBy(() -> posts.post(fresh, "{\"text\":\"" + "x".repeat(40_001) + "\"}")).hasMessageContaining("msg_too_long");
        assertThat(workspace.snapshot("U0ALICE").errors()).extracting(e -> e.error()).contains("msg_too_long");
    }
}
