package dev.changebot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import com.slack.api.model.event.ReactionAddedEvent;
import com.sun.net.httpserver.HttpServer;
import dev.changebot.slack.SlackIds;
import dev.changebot.support.RunningApp;
import dev.changebot.support.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The baseline, run in a process of its own by the benchmark ({@link #main}): a Bolt app that
 * verifies the same signed requests (Bolt's own request verification) and acks them: Approve
 * clicks, {@code /change} commands and reaction_added events. Given work to do before the ack, it
 * is the durable-commit floor ({@link DurableCommitFloor}).
 */
final class BareBoltApp implements AutoCloseable {

    private final HttpServer server;

    private BareBoltApp(HttpServer server) {
        this.server = server;
    }

    /**
     * {@code ack PORT SLACK_API_URL}, or {@code commit PORT SLACK_API_URL DB_URL DB_USER DB_PASSWORD}
     * for the durable-commit floor; serves until killed.
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        if (args[0].equals("commit")) {
            var floor = DurableCommitFloor.on(new TestDatabase(args[3], args[4], args.length > 5 ? args[5] : ""));
            start(port, RunningApp.SIGNING_SECRET, RunningApp.BOT_TOKEN, args[2], floor::commitOne);
        } else {
            start(port, RunningApp.SIGNING_SECRET, RunningApp.BOT_TOKEN, args[2], () -> {
            });
        }
    }

    static BareBoltApp start(String signingSecret, String botToken, String slackApiUrl) throws IOException {
        return start(0, signingSecret, botToken, slackApiUrl, () -> {
        });
    }

    /** Runs {@code beforeAck} on the request's thread before every ack; port 0 picks a free one. */
    static BareBoltApp start(int port, String signingSecret, String botToken, String slackApiUrl, Runnable beforeAck)
            throws IOException {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApiUrl + "/api/");
        var app = new App(AppConfig.builder().slack(Slack.getInstance(config)).singleTeamBotToken(botToken)
                .signingSecret(signingSecret).build());
        app.blockAction(SlackIds.APPROVE_BUTTON, (req, ctx) -> {
            beforeAck.run();
            return ctx.ack();
        });
        app.command("/change", (req, ctx) -> {
            beforeAck.run();
            return ctx.ack();
        });
        app.event(ReactionAddedEvent.class, (payload, ctx) -> {
            beforeAck.run();
            return ctx.ack();
        });
        var parser = new SlackRequestParser(app.config());
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/slack/events", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
            try {
                var response = app.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events").headers(new RequestHeaders(headers)).requestBody(body)
                        .remoteAddress("127.0.0.1").build()));
                var bytes = response.getBody() == null ? new byte[0] : response.getBody().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(response.getStatusCode(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return new BareBoltApp(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/slack/events";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
