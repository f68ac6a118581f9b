package dev.changebot.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The test parser of the Prometheus text format is strict: what it accepts and what it refuses, with the line. */
class PrometheusTextTest {

    static final String VALID = """
            # HELP requests_total Requests, by "kind" \\\\ path\\nsecond line
            # TYPE requests_total counter
            requests_total{kind="a",path="/x\\"y\\\\z\\n"} 3.0
            requests_total{kind="b"} 1e3 1700000000000
            # a comment
            # TYPE latency_seconds histogram
            latency_seconds_bucket{kind="a",le="0.1"} 1
            latency_seconds_bucket{kind="a",le="1.0"} 3
            latency_seconds_bucket{kind="a",le="+Inf"} 4
            latency_seconds_count{kind="a"} 4
            latency_seconds_sum{kind="a"} 2.5
            # TYPE up gauge
            up NaN
            """;

    @Test
    @DisplayName("reads families, types, help, labels with their escapes, values and histograms")
    void readsAValidExposition() {
        var text = PrometheusText.parse(VALID);

        assertThat(text.families()).containsOnlyKeys("requests_total", "latency_seconds", "up");
        assertThat(text.family("requests_total").orElseThrow().help()).isEqualTo("Requests, by \"kind\" \\ path\nsecond line");
        assertThat(text.value("requests_total", Map.of("kind", "a", "path", "/x\"y\\z\n"))).isEqualTo(3.0);
        assertThat(text.value("requests_total", Map.of("kind", "b"))).isEqualTo(1000.0);
        assertThat(text.value("latency_seconds_bucket", Map.of("le", "+Inf"))).isEqualTo(4);
        assertThat(text.value("up", Map.of())).isNaN();
        assertThat(text.valueOrZero("requests_total", Map.of("kind", "c"))).isZero();
    }

    @Test
    @DisplayName("refuses samples without a type, bad names, escapes and numbers, repeated series, broken histograms")
    void refusesWhatTheFormatDoesNotAllow() {
        refused("x 1\n", "line 1: sample x comes before, or without, its # TYPE");
        refused("# TYPE x gauge\nx 1", "does not end with a line feed");
        refused("# TYPE x gauge\n# TYPE x gauge\n", "typed twice");
        refused("# TYPE x meter\n", "one of");
        refused("# TYPE 1x gauge\n", "not a legal metric name");
        refused("# TYPE x gauge\nx{a=\"\\t\"} 1\n", "line 2: '\\t' is not an escape");
        refused("# TYPE x gauge\nx{a=b} 1\n", "not quoted");
        refused("# TYPE x gauge\nx{__a=\"b\"} 1\n", "not a legal label name");
        refused("# TYPE x gauge\nx{a=\"b\",a=\"c\"} 1\n", "appears twice");
        refused("# TYPE x gauge\nx one\n", "'one' is not a number");
        refused("# TYPE x gauge\nx{a=\"b\"} 1\nx{a=\"b\"} 2\n", "appears twice");
        refused("# TYPE x gauge\nx_total 1\n", "comes before, or without, its # TYPE");
        refused("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n", "not cumulative");
        refused("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\n", "no +Inf bucket");
        refused("# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_count 1\n", "is not the count");
    }

    private static void refused(String text, String problem) {
        assertThatThrownBy(() -> PrometheusText.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }
}
