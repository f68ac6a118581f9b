package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OctetFoldingTest {

    @Test
    @DisplayName("lines of at most 75 octets, never splitting a character, unfolding to the original")
    void foldsInOctets() {
        var long1 = "SUMMARY:" + "é".repeat(40) + "🚀".repeat(30) + "x".repeat(100);
        var text = "BEGIN:VCALENDAR\r\n" + long1 + "\r\nEND:VCALENDAR\r\n";

        var folded = OctetFolding.fold(text);

        for (var line : folded.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
            assertThat(Character.isLowSurrogate(line.isEmpty() ? 'a' : line.charAt(line.startsWith(" ") ? Math.min(1, line.length() - 1) : 0))).isFalse();
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo(text);
        assertThat(folded).endsWith("END:VCALENDAR\r\n");
        assertThat(OctetFolding.fold("SHORT:x\r\n")).isEqualTo("SHORT:x\r\n");
    }
}
