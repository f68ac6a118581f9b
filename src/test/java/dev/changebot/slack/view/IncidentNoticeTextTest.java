package dev.changebot.slack.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.notice.Recipient;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The incident banner and the digest, as Slack shows them: escaped, linked, bounded. */
class IncidentNoticeTextTest {

    static String text(NoticeFacts facts) {
        return NoticeMessage.text(new Notice("T1", Optional.empty(), new Recipient.Channel("C0DEPLOYS"), facts));
    }

    @Test
    @DisplayName("the banner names the services, the incident and how to link a change; what the tool sent is escaped")
    void banner() {
        var text = text(new NoticeFacts.IncidentFreeze("INC-3", "INC-3 SEV2 <!channel> & payments down", "payments-api",
                "PagerDuty", List.of("javascript:alert(1)", "https://acme.pagerduty.com/incidents/PT4KHLK")));

        assertThat(text).contains("*Changes to payments-api are frozen*", "INC-3 SEV2 &lt;!channel&gt; &amp; payments down",
                "(from PagerDuty)", "/change incident cause INC-3 CHG-n", "--incident INC-3")
                .doesNotContain("<!channel>", "javascript:")
                .contains("<https://acme.pagerduty.com/incidents/PT4KHLK|Open the incident>");
    }

    @Test
    @DisplayName("the banner posted again for a reopened incident says so")
    void reopenedBanner() {
        var text = text(new NoticeFacts.IncidentFreeze("INC-3", "INC-3 SEV2 Payments down", "payments-api",
                "PagerDuty", List.of(), true));

        assertThat(text).startsWith(":rotating_light: *Changes to payments-api are frozen again*: reopened, INC-3 SEV2 Payments down");
    }

    @Test
    @DisplayName("the digest lists the changes that waited, at most 20, and says when none did")
    void digest() {
        var none = text(new NoticeFacts.IncidentThaw("INC-3", "INC-3 SEV2 Payments down", "payments-api", List.of()));
        assertThat(none).contains("*Freeze lifted* for payments-api", "is resolved", "No change was waiting");

        var waiting = IntStream.rangeClosed(1, 25).mapToObj(n -> "CHG-" + n + " Rotate keys").toList();
        var many = text(new NoticeFacts.IncidentThaw("INC-3", "INC-3 SEV2 Payments down", "all services", waiting));
        assertThat(many).contains("• CHG-1 Rotate keys", "• CHG-20 Rotate keys", "… and 5 more")
                .doesNotContain("CHG-21 ");
    }
}
