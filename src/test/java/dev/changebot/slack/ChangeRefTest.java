package dev.changebot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.change.ChangeId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("What we put in buttons and modals")
class ChangeRefTest {

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
        var ref = new ChangeRef(new ChangeId(7), "C0DEPLOYS");

        assertThat(ChangeRef.decode(ref.encode())).contains(ref);
    }

    @Test
    @DisplayName("names the change as people write it, under a version")
    void encodesAsVersionedJson() {
        assertThat(ChangeRef.of(new ChangeId(3)).encode()).isEqualTo("{\"v\":1,\"change\":\"CHG-3\"}");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "{not json", "[1,2]", "42", "{}", "{\"change\":\"CHG-3\"}",
            "{\"v\":\"one\",\"change\":\"CHG-3\"}", "{\"v\":null}"})
    @DisplayName("reads nothing from anything we did not write")
    void readsNothingFromGarbage(String text) {
        assertThat(ChangeRef.decode(text)).isEmpty();
    }

    @Test
    @DisplayName("reads nothing from a payload of a future version")
    void readsNothingFromAFutureVersion() {
        assertThat(ChangeRef.decode("{\"v\":2,\"change\":\"CHG-3\",\"channel\":\"C1\"}")).isEmpty();
    }
}
