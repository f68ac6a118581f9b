package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.application.change.DeclareEmergency;
import dev.changebot.application.incident.ManageIncidents;
import dev.changebot.domain.change.Change;
import dev.changebot.support.FakeSlackApi;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An emergency and its link to the incident it remediates are one transaction: a crash between them
 * can leave neither an emergency unlinked nor a link without its emergency; an unknown
 * {@code --incident INC-n} refuses the declaration before anything is written.
 */
@Timeout(180)
class EmergencyIncidentLinkTest {

    GateFixture gate;

    @BeforeEach
    void start() {
        gate = new GateFixture("src/test/resources/policies/test-incidents.yaml", GateFixture.TUESDAY_10, Map.of());
        assertThat(gate.say("U0IC", "incident start SEV2 Checkout errors payments-api")).contains("Recorded INC-1");
    }

    @AfterEach
    void stop() {
        gate.close();
    }

    private long linkedNotes() {
        return gate.db.rows("SELECT id FROM audit_note WHERE kind = 'IncidentLinked'").size();
    }

    @Test
    @DisplayName("the declaration and its link are written by one transaction")
    void oneTransaction() {
        assertThat(gate.say("U0IC", "emergency Roll back checkout --incident INC-1"))
                .contains("Declared CHG-1", "Linked as the remediation of INC-1");
        // xmin is the id of the transaction that wrote a row: the declaration's event and the link share it.
        var declared = gate.db.rows("SELECT xmin::text AS tx FROM change_event WHERE type = 'EmergencyDeclared'");
        var link = gate.db.rows("SELECT xmin::text AS tx FROM incident_change WHERE change_number = 1 AND link = 'REMEDIATION'");
        var note = gate.db.rows("SELECT xmin::text AS tx FROM audit_note WHERE kind = 'IncidentLinked'");
        assertThat(link).hasSize(1);
        assertThat(note).hasSize(1);
        assertThat(declared).singleElement().isEqualTo(link.get(0)).isEqualTo(note.get(0));
    }

    @Test
    @DisplayName("a failure after the link is recorded rolls back the declaration and the link together")
    void failureRollsBackBoth() {
        var links = gate.app.bean(ManageIncidents.class).emergencyLinks(FakeSlackApi.TEAM_ID, "U0IC", GateFixture.CHANNEL,
                Optional.of(1L));
        var crashing = new DeclareEmergency.Along() {
            @Override
            public Optional<String> refusal() {
                return links.refusal();
            }

            @Override
            public Optional<String> record(Change declared, Instant at) {
                assertThat(links.record(declared, at)).contains(" Linked as the remediation of INC-1.");
                throw new IllegalStateException("the node died after linking");
            }
        };
        assertThatThrownBy(() -> gate.app.bean(DeclareEmergency.class).declare(FakeSlackApi.TEAM_ID, "U0IC",
                GateFixture.CHANNEL, "Roll back checkout", Optional.empty(), Optional.empty(), Optional.empty(), crashing))
                .hasMessageContaining("the node died after linking");
        assertThat(gate.db.count("change_request")).isZero();
        assertThat(gate.db.count("change_event")).isZero();
        assertThat(gate.db.count("incident_change")).isZero();
        assertThat(linkedNotes()).isZero();

        assertThat(gate.say("U0IC", "emergency Roll back checkout"))
                .as("declared again, in the incident's channel: linked with it").contains("Declared CHG-1", "INC-1");
        assertThat(gate.db.count("incident_change")).isEqualTo(1);
        assertThat(linkedNotes()).isEqualTo(1);
    }

    @Test
    @DisplayName("an unknown --incident is refused with help before anything is written")
    void unknownIncident() {
        assertThat(gate.say("U0IC", "emergency Roll back checkout --incident INC-7"))
                .contains("There is no INC-7", "leave `--incident` out", "Nothing was declared");
        assertThat(gate.db.count("change_request")).isZero();
        assertThat(gate.db.count("change_event")).isZero();
        assertThat(gate.db.count("incident_change")).isZero();
        assertThat(linkedNotes()).isZero();
        assertThat(gate.say("U0IC", "emergency Roll back checkout --incident INC-1")).as("the number was not used")
                .contains("Declared CHG-1");
    }
}
