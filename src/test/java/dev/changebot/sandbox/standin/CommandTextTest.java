package dev.changebot.sandbox.standin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.sandbox.workspace.Channel;
import dev.changebot.sandbox.workspace.Group;
import dev.changebot.sandbox.workspace.Person;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A slash command's text as Slack delivers it with should_escape on (Changebot's manifest). */
class CommandTextTest {

    static final List<Person> PEOPLE = List.of(new Person("U0ALICE", "alice", "Alice Ng", "", "UTC"));
    static final List<Group> GROUPS = List.of(new Group("S0SRE", "sre-leads", "SRE leads", List.of("U0ALICE")));
    static final List<Channel> CHANNELS = List.of(new Channel("C0INCIDENTS", "incidents", false, null, null));

    @Test
    @DisplayName("mentions of known people, groups and channels become Slack's escaped forms")
    void mentions() {
        assertThat(CommandText.escape("emergency db down --ic @alice cc @sre-leads in #incidents", PEOPLE, GROUPS, CHANNELS))
                .isEqualTo("emergency db down --ic <@U0ALICE|alice> cc <!subteam^S0SRE|@sre-leads> in <#C0INCIDENTS|incidents>");
    }

    @Test
    @DisplayName("&, < and > are escaped; unknown names and e-mail addresses are left as typed")
    void escaping() {
        assertThat(CommandText.escape("new a < b & c > d @nobody bob@alice.example #nowhere", PEOPLE, GROUPS, CHANNELS))
                .isEqualTo("new a &lt; b &amp; c &gt; d @nobody bob@alice.example #nowhere");
    }
}
