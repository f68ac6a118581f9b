package dev.changebot.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    @DisplayName("members sorted by key whatever the map's order, no whitespace, nested objects sorted too")
    void sortsMembersAndNests() {
        var inner = new LinkedHashMap<String, Object>();
        inner.put("z", 1);
        inner.put("a", List.of(true, false));
        var outer = new LinkedHashMap<String, Object>();
        outer.put("seq", 12L);
        outer.put("details", inner);
        outer.put("actor", null);

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"actor\":null,\"details\":{\"a\":[true,false],\"z\":1},\"seq\":12}");
    }

    @Test
    @DisplayName("keys ordered by UTF-16 code units (RFC 8785): upper case before lower, 'é' after 'z'")
    void ordersByCodeUnits() {
        var map = new HashMap<String, Object>(Map.of("é", 1, "z", 2, "Z", 3, "aa", 4, "a", 5));
        assertThat(CanonicalJson.write(map)).isEqualTo("{\"Z\":3,\"a\":5,\"aa\":4,\"z\":2,\"é\":1}");
    }

    @Test
    @DisplayName("strings escape only the quote, the backslash and control characters; other text is kept as it is")
    void escapesMinimally() {
        assertThat(CanonicalJson.write("a\"b\\c\nd\te\u0001 / é 🚀"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001 / é 🚀\"");
    }

    @Test
    @DisplayName("times in one form: UTC, six fractional digits, nanoseconds dropped")
    void writesTimesInOneForm() {
        assertThat(CanonicalJson.instant(Instant.parse("2026-07-01T09:30:00Z"))).isEqualTo("2026-07-01T09:30:00.000000Z");
        assertThat(CanonicalJson.instant(Instant.parse("2026-07-01T09:30:00.123456789Z")))
                .isEqualTo("2026-07-01T09:30:00.123456Z");
    }

    @Test
    @DisplayName("fractions and other types are refused: their text differs between languages")
    void refusesWhatHasNoSingleForm() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Double");
        assertThatThrownBy(() -> CanonicalJson.write(Arrays.asList(Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keys must be strings");
    }
}
