package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.changebot.domain.change.ChangeId;
import dev.changebot.slack.view.SlackLimits;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("What we put in buttons and modals")
class ChangeRefTest {

    static final ChangeId CHG_3 = new ChangeId(3);
    /** The largest number a change id is written with (18 digits). */
    static final ChangeId LARGEST = new ChangeId(999_999_999_999_999_999L);

    @Test
    @DisplayName("reads back the change it names")
    void roundTripsAChange() {
        var ref = ChangeRef.of(new ChangeId(12));

        assertThat(ChangeRef.decode(ref.encode())).contains(ref);
    }

    @Test
    @DisplayName("reads back the channel it names")
    void roundTripsAChannel() {
        var ref = ChangeRef.inChannel("C0DEPLOYS");

        assertThat(ChangeRef.decode(ref.encode())).contains(ref);
    }

    @Test
    void roundTripsBoth() {
        var ref = new ChangeRef(new ChangeId(7), "C0DEPLOYS", null, null);

        assertThat(ChangeRef.decode(ref.encode())).contains(ref);
    }

    @Test
    @DisplayName("reads back a deployment: the environment, and the rollout step when there is one")
    void roundTripsADeployment() {
        var whole = ChangeRef.deployment(CHG_3, "staging", OptionalInt.empty());
        var step = ChangeRef.deployment(CHG_3, "production", OptionalInt.of(25));

        assertThat(ChangeRef.decode(whole.encode())).contains(whole);
        assertThat(ChangeRef.decode(step.encode())).hasValueSatisfying(ref -> {
            assertThat(ref.changeId()).isEqualTo(CHG_3);
            assertThat(ref.deployment().environment()).isEqualTo("production");
            assertThat(ref.deployment().percent()).hasValue(25);
            assertThat(ref.namesDeployment()).isTrue();
        });
    }

    @Test
    @DisplayName("reads back a follow-up by its name")
    void roundTripsAnObligation() {
        var ref = ChangeRef.obligation(CHG_3, "post-hoc-review");

        assertThat(ChangeRef.decode(ref.encode())).contains(ref)
                .hasValueSatisfying(read -> assertThat(read.namesObligation()).isTrue());
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"post|hoc", "say \"why\"", "back\\slash", "<@U123> & <!here>", "naïve 🚀 名前", "line\nbreak",
            "{\"v\":2}"})
    @DisplayName("a name from the policy file reads back whatever it holds")
    void roundTripsAnyName(String name) {
        var obligation = ChangeRef.obligation(CHG_3, name);
        var deployment = ChangeRef.deployment(CHG_3, name, OptionalInt.of(5));

        assertThat(ChangeRef.decode(obligation.encode())).contains(obligation);
        assertThat(ChangeRef.decode(deployment.encode())).contains(deployment);
    }

    @Test
    @DisplayName("names the change as people write it, under a version")
    void encodesAsVersionedJson() {
        assertThat(ChangeRef.of(CHG_3).encode()).isEqualTo("{\"v\":1,\"change\":\"CHG-3\"}");
    }

    @Test
    @DisplayName("writes a deployment and a follow-up in short keys, under the same version")
    void encodesTheNewFieldsShortly() {
        assertThat(ChangeRef.deployment(CHG_3, "production", OptionalInt.of(25)).encode())
                .isEqualTo("{\"v\":1,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":25}");
        assertThat(ChangeRef.deployment(CHG_3, "staging", OptionalInt.empty()).encode())
                .isEqualTo("{\"v\":1,\"change\":\"CHG-3\",\"env\":\"staging\"}");
        assertThat(ChangeRef.obligation(CHG_3, "post-hoc-review").encode())
                .isEqualTo("{\"v\":1,\"change\":\"CHG-3\",\"obl\":\"post-hoc-review\"}");
    }

    @Test
    @DisplayName("a version 1 payload written before deployments and follow-ups reads as it always did")
    void readsVersionOneAsBefore() {
        assertThat(ChangeRef.decode("{\"v\":1,\"change\":\"CHG-3\"}")).contains(new ChangeRef(CHG_3, null, null, null))
                .hasValueSatisfying(ref -> {
                    assertThat(ref.namesChange()).isTrue();
                    assertThat(ref.namesDeployment()).isFalse();
                    assertThat(ref.namesObligation()).isFalse();
                });
        assertThat(ChangeRef.decode("{\"v\":1,\"channel\":\"C0DEPLOYS\"}"))
                .contains(new ChangeRef(null, "C0DEPLOYS", null, null));
        assertThat(ChangeRef.decode("{\"v\":1,\"change\":\"not an id\",\"channel\":\"C1\"}"))
                .as("an id it cannot read is no id, as before").contains(new ChangeRef(null, "C1", null, null));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "{not json", "[1,2]", "42", "{}", "{\"change\":\"CHG-3\"}",
            "{\"v\":\"one\",\"change\":\"CHG-3\"}", "{\"v\":null}"})
    @DisplayName("reads nothing from anything we did not write")
    void readsNothingFromGarbage(String text) {
        assertThat(ChangeRef.decode(text)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"CHG-3", "CHG-3|production|25", "CHG-3|staging|", "CHG-3|post-hoc-review"})
    @DisplayName("reads nothing from the values of older messages: a bare id, or pipe-separated fields")
    void readsNothingFromOlderValues(String text) {
        assertThat(ChangeRef.decode(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"\"}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"  \"}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":42}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":null}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":[\"staging\"]}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":0}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":101}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":-5}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":2.5}",
            "{\"v\":1,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":\"25\"}",
            "{\"v\":1,\"change\":\"CHG-3\",\"pct\":25}",
            "{\"v\":1,\"change\":\"CHG-3\",\"obl\":\"\"}",
            "{\"v\":1,\"change\":\"CHG-3\",\"obl\":{}}",
            "{\"v\":1,\"change\":\"CHG-3\",\"obl\":7}"})
    @DisplayName("reads nothing from a deployment or follow-up that is not what we write")
    void readsNothingFromBrokenFields(String text) {
        assertThat(ChangeRef.decode(text)).isEmpty();
    }

    @Test
    @DisplayName("reads nothing from a payload of a future version")
    void readsNothingFromAFutureVersion() {
        assertThat(ChangeRef.decode("{\"v\":2,\"change\":\"CHG-3\",\"channel\":\"C1\"}")).isEmpty();
        assertThat(ChangeRef.decode("{\"v\":2,\"change\":\"CHG-3\",\"env\":\"production\",\"pct\":25}")).isEmpty();
    }

    @Test
    @DisplayName("writes no deployment without an environment or outside 1-100 %, and no follow-up without a name")
    void refusesToWriteWhatItCouldNotRead() {
        assertThatThrownBy(() -> ChangeRef.deployment(CHG_3, " ", OptionalInt.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeRef.deployment(CHG_3, "production", OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChangeRef.obligation(CHG_3, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the longest follow-up name a Satisfy button carries fits a button value, even if every character is escaped")
    void satisfyButtonValueFits() {
        // The name rides in the action id too ("obligation_satisfy:<name>"), which Slack caps at 255.
        int longestName = SlackLimits.ACTION_ID - SlackIds.SATISFY_BUTTON.length() - 1;
        var ref = ChangeRef.obligation(LARGEST, "\u0001".repeat(longestName));

        assertThat(ref.encode().length()).isLessThanOrEqualTo(SlackLimits.BUTTON_VALUE);
        assertThat(ChangeRef.decode(ref.encode())).contains(ref);
    }

    @Test
    @DisplayName("a reference of ours stays far inside a button value: only names from the policy file make it long")
    void ownFieldsAreShort() {
        var longest = new ChangeRef(LARGEST, "C" + "0".repeat(20), null, null);

        assertThat(longest.encode().length()).isLessThan(100);
        assertThat(ChangeRef.deployment(LARGEST, "e", OptionalInt.of(100)).encode().length())
                .isLessThan(100);
    }
}
