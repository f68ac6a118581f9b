package dev.changebot.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    @DisplayName("PostgreSQL's JSONB text reads into canonical values: whole numbers as longs, a fraction kept as its text")
    void readsJsonbText() {
        var value = JsonText.object("{\"step\": 0, \"rules\": [\"a\", \"b\"], \"ok\": true, \"none\": null,"
                + " \"ratio\": 0.5, \"text\": \"line\\nnext \\u00e9\"}");

        assertThat(value).containsEntry("step", 0L).containsEntry("rules", List.of("a", "b"))
                .containsEntry("ok", true).containsEntry("ratio", "0.5").containsEntry("text", "line\nnext é");
        assertThat(value.get("none")).isNull();
        assertThat(CanonicalJson.write(value)).isEqualTo(
                "{\"none\":null,\"ok\":true,\"ratio\":\"0.5\",\"rules\":[\"a\",\"b\"],\"step\":0,\"text\":\"line\\nnext é\"}");
    }

    @Test
    @DisplayName("malformed text is refused with the offset: trailing text, duplicate keys, unclosed strings")
    void refusesMalformed() {
        for (var bad : Arrays.asList("{\"a\":1} x", "{\"a\":1,\"a\":2}", "{\"a\":\"x}", "[1,]", "{a:1}")) {
            assertThatThrownBy(() -> JsonText.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset");
        }
        assertThat(JsonText.parse("[]")).isEqualTo(List.of());
        assertThat(JsonText.parse("{}")).isEqualTo(Map.of());
    }
}
