package dev.changebot.slack.command;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import dev.changebot.application.metrics.ReportWithTrend;
import dev.changebot.domain.metrics.ReportFormats;
import dev.changebot.report.ReportChart;
import dev.changebot.slack.view.HelpText;
import dev.changebot.slack.view.ReportMessage;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `/change report [period]`: acknowledged at once; the report is computed after the ack (a quarter
 * of history takes longer than Slack's 3 seconds) and posted in the channel where it was asked — the
 * summary as a message, the chart (PNG) and the numbers (CSV) in its thread. A malformed or future
 * period is answered privately with what to write; a failure after the ack is told privately too.
 */
@Singleton
public class ReportFlow {

    private static final Logger LOG = LoggerFactory.getLogger(ReportFlow.class);

    private final ReportWithTrend reports;
    private final ExecutorService background;

    public ReportFlow(ReportWithTrend reports) {
        this.reports = reports;
        // Its own thread, as the evidence pack's: the request's context (and connection) closes with the ack.
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "change-report");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The answer in the ack; the report follows in the channel. */
    public String start(MethodsClient client, String team, String user, String channelId, String typed) {
        var period = reports.periodOrLastMonth(typed);
        background.execute(() -> deliver(client, team, user, channelId, period));
        return "Building the change report for " + period + "… it is posted here in a moment, with its chart and CSV.";
    }

    private void deliver(MethodsClient client, String team, String user, String channelId, String period) {
        try {
            var result = reports.prepare(team, period);
            if (result instanceof ReportWithTrend.Refused refused) {
                AfterTheAck.tellPrivately(client, channelId, user, HelpText.after(refused.reason()));
                return;
            }
            publish(client, channelId, (ReportWithTrend.Ready) result);
        } catch (Exception e) {
            LOG.warn("Could not post the change report for {} in {}", period, channelId, e);
            AfterTheAck.tellPrivately(client, channelId, user, "The change report for " + period + " could not be posted ("
                    + AfterTheAck.reason(e) + "). Nothing was lost: please run the command again.");
        }
    }

    /**
     * The report of {@code period} posted to {@code channel} (the monthly post): thrown when it could
     * not be computed or posted, for the caller to try again.
     */
    public void post(MethodsClient client, String team, String channel, String period) throws Exception {
        var result = reports.prepare(team, period);
        if (result instanceof ReportWithTrend.Refused refused) {
            throw new IllegalStateException(refused.reason());
        }
        publish(client, channel, (ReportWithTrend.Ready) result);
    }

    /** The summary as a message in {@code channel}, the chart and the CSV in its thread. */
    private static void publish(MethodsClient client, String channel, ReportWithTrend.Ready ready) throws Exception {
        var posted = client.chatPostMessage(r -> r.channel(channel).text(ReportMessage.fallbackText(ready.report()))
                .blocks(ReportMessage.blocks(ready.report(), ready.targets())));
        if (!posted.isOk()) {
            throw new IllegalStateException("Slack refused the report: " + posted.getError());
        }
        var label = ready.report().window().label();
        upload(client, posted.getChannel(), posted.getTs(), "change-report-" + label + ".png", "Chart " + label,
                ReportChart.png(ReportMessage.chart(ready.report(), ready.trend())));
        upload(client, posted.getChannel(), posted.getTs(), "change-report-" + label + ".csv", "Numbers " + label,
                ReportFormats.csv(ready.report()).getBytes(StandardCharsets.UTF_8));
    }

    private static void upload(MethodsClient client, String channel, String threadTs, String name, String title,
                               byte[] data) throws Exception {
        var upload = client.filesUploadV2(FilesUploadV2Request.builder().channel(channel).threadTs(threadTs)
                .filename(name).title(title).fileData(data).requestFileInfo(false).build());
        if (!upload.isOk()) {
            throw new IllegalStateException("Slack refused the upload of " + name + ": " + upload.getError());
        }
    }
}
