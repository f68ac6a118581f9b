package dev.changebot.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.changebot.slack.ChangeRef;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.ChangeForms;
import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.MutableClock;
import dev.changebot.support.PrometheusText;
import dev.changebot.support.RunningApp;
import dev.changebot.support.SlackPayloads;
import dev.changebot.support.TestDatabase;
import dev.changebot.support.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/ops (the alerting rules, their promtool tests, the Grafana dashboard, the metric table) held
 * to a real scrape after real traffic: every metric they name is exposed, every label value they
 * select by '=' occurs, and every changebot_* metric exposed is in the table. The docs cannot drift.
 */
@Timeout(120)
class OpsDocsTest {

    static final Path OPS = Path.of("docs/ops");
    /** The namespaces of what the app exposes; a word in a query outside them is a function or a label. */
    static final Pattern METRIC = Pattern.compile("\\b((?:changebot|hikaricp|jvm|process|system|logback)_[a-z0-9_]+)\\b");
    static final Pattern SELECTOR = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");
    static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
    /** Labels Prometheus adds when it scrapes; the app never writes them. */
    static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final FakeSlackApi slack = FakeSlackApi.start();
    final TestDatabase db = TestPostgres.freshDatabase();
    final RunningApp app = RunningApp.start(db, slack, Map.of(), clock);
    PrometheusText scrape;

    /** Traffic that makes every kind of series the docs select exist: acks, Slack calls answered ok and 429, a GC. */
    @BeforeEach
    void traffic() {
        slack.answerNext("chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "1"));
        app.slack(SlackPayloads.viewSubmission("U0REQUEST", SlackIds.NEW_CHANGE_MODAL, ChangeRef.inChannel("C0DEPLOYS").encode(),
                ChangeForms.complete(clock.instant().plus(Duration.ofDays(1))).state()), SlackPayloads.FORM);
        app.slack(SlackPayloads.slashCommand("U0REQUEST", "C0DEPLOYS", "help"), SlackPayloads.FORM);
        clock.advance(Duration.ofSeconds(1));
        app.deliverOutbox();
        scrape = PrometheusText.scrape(app);
        // The JVM's GC pause timers appear at the first collection, which a short test may not have had.
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (scrape.family("jvm_gc_pause_seconds").isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            scrape = PrometheusText.scrape(app);
        }
    }

    @AfterEach
    void stop() {
        app.close();
        slack.close();
    }

    @Test
    @DisplayName("the alerting rules name only metrics and label values the app exposes, and each says what is wrong")
    void alertRules() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(OPS.resolve("alerts.yml")));
        var exprs = new ArrayList<String>();
        for (var group : list(rules.get("groups"))) {
            for (var rule : list(map(group).get("rules"))) {
                var r = map(rule);
                assertThat(r.get("alert")).as("every rule is an alert: " + r).isInstanceOf(String.class);
                assertThat(map(r.get("annotations"))).as(r.get("alert") + " says what is wrong").containsKey("summary");
                exprs.add(r.get("expr").toString());
            }
        }
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(6);
        assertExposed("alerts.yml", exprs);
    }

    @Test
    @DisplayName("the promtool tests of the rules feed them series the app exposes")
    void alertRuleTests() throws IOException {
        Map<String, Object> tests = new Yaml().load(Files.readString(OPS.resolve("alerts-test.yml")));
        var series = new ArrayList<String>();
        for (var test : list(tests.get("tests"))) {
            for (var input : list(map(test).get("input_series"))) {
                series.add(map(input).get("series").toString());
            }
        }
        assertThat(series).isNotEmpty();
        assertExposed("alerts-test.yml", series);
    }

    @Test
    @DisplayName("the Grafana dashboard is valid JSON whose every panel query names what the app exposes")
    void grafanaDashboard() throws IOException {
        var dashboard = JsonParser.parseString(Files.readString(OPS.resolve("grafana-dashboard.json"))).getAsJsonObject();
        var exprs = new ArrayList<String>();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            var p = panel.getAsJsonObject();
            if (p.get("type").getAsString().equals("row")) {
                continue;
            }
            assertThat(p.has("targets")).as(p.get("title") + " has queries").isTrue();
            p.getAsJsonArray("targets").forEach(t -> exprs.add(t.getAsJsonObject().get("expr").getAsString()));
        }
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(15);
        // Grafana's variables are not PromQL; what they stand for is a regex, never an '=' value.
        assertExposed("grafana-dashboard.json", exprs.stream().map(e -> e.replace("$instance", ".*")).toList());
    }

    @Test
    @DisplayName("the metric table lists every changebot_* metric exposed, and every metric it names is exposed")
    void metricTable() throws IOException {
        var readme = Files.readString(OPS.resolve("README.md"));
        assertExposed("README.md", List.of(readme));
        var documented = names(readme);
        var undocumented = new TreeSet<String>();
        scrape.families().keySet().stream().filter(name -> name.startsWith("changebot_"))
                .filter(name -> !documented.contains(name)).forEach(undocumented::add);
        assertThat(undocumented).as("changebot_* metrics missing from docs/ops/README.md").isEmpty();
    }

    /** Every metric named in {@code texts} is a family or a sample name; every '=' label value occurs on it. */
    private void assertExposed(String file, List<String> texts) {
        var missing = new TreeSet<String>();
        for (var text : texts) {
            for (var name : names(text)) {
                if (!scrape.families().containsKey(name) && !scrape.sampleNames().contains(name)) {
                    missing.add(name);
                }
            }
            var selectors = SELECTOR.matcher(text);
            while (selectors.find()) {
                var name = selectors.group(1);
                var matchers = MATCHER.matcher(selectors.group(2));
                while (matchers.find()) {
                    if (matchers.group(2).equals("=") && !TARGET_LABELS.contains(matchers.group(1))
                            && !hasLabel(name, matchers.group(1), matchers.group(3))) {
                        missing.add(name + "{" + matchers.group(1) + "=\"" + matchers.group(3) + "\"}");
                    }
                }
            }
        }
        assertThat(missing).as("named in docs/ops/" + file + " but not in a scrape of /metrics").isEmpty();
    }

    private boolean hasLabel(String name, String label, String value) {
        return scrape.families().values().stream().flatMap(f -> f.samples().stream())
                .anyMatch(s -> (s.name().equals(name) || s.name().startsWith(name + "_")) && value.equals(s.labels().get(label)));
    }

    private static Set<String> names(String text) {
        var names = new TreeSet<String>();
        var matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object yaml) {
        return (List<Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
