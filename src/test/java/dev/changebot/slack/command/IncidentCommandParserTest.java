package dev.changebot.slack.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading `/change incident ...` and `--incident` on an emergency. */
class IncidentCommandParserTest {

    @Test
    @DisplayName("start, resolve, cause and remediate")
    void verbs() {
        assertThat(ChangeCommandParser.parse("incident start SEV2 Checkout errors payments-api"))
                .isEqualTo(new SlashCommand.IncidentStart("SEV2", List.of("Checkout", "errors", "payments-api")));
        assertThat(ChangeCommandParser.parse("incident resolve inc-3")).isEqualTo(new SlashCommand.IncidentResolve(3));
        assertThat(ChangeCommandParser.parse("incident cause INC-3 CHG-12"))
                .isEqualTo(new SlashCommand.IncidentLink(3, new ChangeId(12), true));
        assertThat(ChangeCommandParser.parse("incident remediate INC-3 chg-4"))
                .isEqualTo(new SlashCommand.IncidentLink(3, new ChangeId(4), false));
    }

    @Test
    @DisplayName("what cannot be read says how it is written")
    void unreadable() {
        assertThat(ChangeCommandParser.parse("incident")).isInstanceOf(SlashCommand.Unreadable.class);
        assertThat(ChangeCommandParser.parse("incident start SEV2")).isInstanceOfSatisfying(SlashCommand.Unreadable.class,
                u -> assertThat(u.problem()).contains("needs a severity and a title"));
        assertThat(ChangeCommandParser.parse("incident resolve CHG-3")).isInstanceOfSatisfying(SlashCommand.Unreadable.class,
                u -> assertThat(u.problem()).contains("not an incident id like `INC-3`"));
        assertThat(ChangeCommandParser.parse("incident resolve INC-0")).isInstanceOf(SlashCommand.Unreadable.class);
        assertThat(ChangeCommandParser.parse("incident cause INC-3 12")).isInstanceOfSatisfying(SlashCommand.Unreadable.class,
                u -> assertThat(u.problem()).contains("not a change id"));
        assertThat(ChangeCommandParser.parse("incident cause INC-3")).isInstanceOf(SlashCommand.Unreadable.class);
        assertThat(ChangeCommandParser.parse("incident explode INC-3")).isInstanceOfSatisfying(SlashCommand.Unreadable.class,
                u -> assertThat(u.problem()).contains("start, resolve, cause or remediate"));
    }

    @Test
    @DisplayName("an emergency may name the incident it fixes")
    void emergencyIncident() {
        assertThat(ChangeCommandParser.parse("emergency Roll back checkout --incident INC-3 --sev P1"))
                .isEqualTo(new SlashCommand.Emergency("Roll back checkout", Optional.empty(), Optional.of("P1"),
                        Optional.empty(), Optional.of(3L)));
        assertThat(ChangeCommandParser.parse("emergency Roll back --incident"))
                .isInstanceOfSatisfying(SlashCommand.Unreadable.class, u -> assertThat(u.problem()).contains("--incident INC-3"));
    }
}
