package dev.changebot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.support.FakeSlackApi;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which /sandbox routes exist, for whom, and what they serve. */
@Timeout(180)
class SandboxRoutesTest {

    @Test
    @DisplayName("with real Slack credentials no /sandbox route exists, even with CHANGEBOT_SANDBOX=true")
    void noRoutesBesideRealSlack() {
        try (var slack = FakeSlackApi.start();
             var app = RunningApp.start(TestPostgres.freshDatabase(), slack, Map.of("changebot.sandbox.enabled", "true"))) {
            for (var path : new String[]{"/sandbox", "/sandbox/api/state?as=U0ALICE", "/sandbox/api/events",
                    "/sandbox/assets/sandbox-server-test.css"}) {
                assertThat(app.get(path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(app.post("/sandbox/slack/api/auth.test", "", Map.of("Content-Type", "application/x-www-form-urlencoded"))
                    .statusCode()).isEqualTo(404);
            assertThat(app.post("/sandbox/api/command", "{}", Map.of("Content-Type", "application/json")).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    @DisplayName("CHANGEBOT_SANDBOX=false without credentials: no sandbox, the old behaviour (/slack/events 503)")
    void offWhenSaidSo() {
        try (var sandbox = SandboxApp.start(Map.of("changebot.sandbox.enabled", "false"))) {
            assertThat(sandbox.app().get("/sandbox/api/state").statusCode()).isEqualTo(404);
            assertThat(sandbox.app().post("/slack/events", "{}", Map.of("Content-Type", "application/json")).statusCode())
                    .isEqualTo(503);
        }
    }

    @Test
    @DisplayName("another host is refused (403) unless CHANGEBOT_SANDBOX_EXPOSE=true; this machine is served")
    void loopbackOnlyUnlessExposed() throws Exception {
        var address = nonLoopbackAddress();
        try (var sandbox = SandboxApp.start()) {
            var port = sandbox.app().uri("/").getPort();
            assertThat(get(URI.create("http://127.0.0.1:" + port + "/sandbox/api/state")).statusCode()).isEqualTo(200);
            var remote = get(URI.create("http://" + address.getHostAddress() + ":" + port + "/sandbox/api/state"));
            assertThat(remote.statusCode()).isEqualTo(403);
            assertThat(remote.body()).contains("CHANGEBOT_SANDBOX_EXPOSE");
            for (var path : new String[]{"/sandbox", "/sandbox/assets/sandbox-server-test.css", "/sandbox/api/events"}) {
                assertThat(get(URI.create("http://" + address.getHostAddress() + ":" + port + path)).statusCode())
                        .as(path).isEqualTo(403);
            }
            var webApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + address.getHostAddress() + ":" + port + "/sandbox/slack/api/auth.test"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(webApi.statusCode()).as("the stand-in's Web API too").isEqualTo(403);
            assertThat(get(URI.create("http://" + address.getHostAddress() + ":" + port + "/health")).statusCode())
                    .as("only the sandbox's routes are limited").isEqualTo(200);
        }
        try (var sandbox = SandboxApp.start(Map.of("changebot.sandbox.expose", "true"))) {
            var port = sandbox.app().uri("/").getPort();
            assertThat(get(URI.create("http://" + address.getHostAddress() + ":" + port + "/sandbox/api/state")).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    @DisplayName("page files come from the classpath folder sandbox/ with their content type; nothing outside it")
    void staticFiles() {
        try (var sandbox = SandboxApp.start()) {
            var css = sandbox.app().get("/sandbox/assets/sandbox-server-test.css");
            assertThat(css.statusCode()).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
            assertThat(css.body()).contains("SandboxRoutesTest");
            for (var path : new String[]{"/sandbox/assets/..%2Fapplication.yml", "/sandbox/assets/%2e%2e%2fpolicies%2fdefault.yaml",
                    "/sandbox/assets/missing.js", "/sandbox/assets/logback.xml"}) {
                assertThat(sandbox.app().get(path).statusCode()).as(path).isEqualTo(404);
            }
        }
    }

    @Test
    @DisplayName("the event stream says the current version at once, and a new one after each change")
    void eventStream() throws Exception {
        try (var sandbox = SandboxApp.start()) {
            var lines = new ArrayBlockingQueue<String>(100);
            var request = HttpRequest.newBuilder(sandbox.app().uri("/sandbox/api/events")).GET().build();
            var stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            var reader = new Thread(() -> {
                try (var in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (Exception closed) {
                    // the test ended the stream
                }
            });
            reader.setDaemon(true);
            reader.start();

            long first = nextVersion(lines);
            sandbox.type(SandboxApp.ALICE, SandboxApp.CHANGES, "hello, everyone");
            long second = nextVersion(lines);

            assertThat(second).isGreaterThan(first);
            stream.body().close();
        }
    }

    private static long nextVersion(ArrayBlockingQueue<String> lines) throws InterruptedException {
        boolean changed = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            var line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals("event: changed")) {
                changed = true;
            } else if (changed && line.startsWith("data:")) {
                var json = com.google.gson.JsonParser.parseString(line.substring(5).strip()).getAsJsonObject();
                return json.get("version").getAsLong();
            }
        }
        throw new AssertionError("no changed event within 20 s");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** An address of this machine other hosts could use: a request to it arrives from a non-loopback peer. */
    private static InetAddress nonLoopbackAddress() throws Exception {
        for (var nic : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        throw new AssertionError("this machine has no non-loopback IPv4 address to test the refusal with");
    }
}
