package dev.changebot.slack.command;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import dev.changebot.application.evidence.ExportEvidence;
import dev.changebot.domain.evidence.PeriodReading;
import dev.changebot.slack.view.HelpText;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `/change evidence <period>`: the period and the person's role are checked on the request (the
 * answer says what to fix), the pack is built after the ack — a year of changes takes longer than
 * Slack's 3 seconds — and uploaded to the person's direct messages with its summary (files upload
 * v2). A failure after the ack is told to them privately where they asked.
 */
@Singleton
public class EvidenceFlow {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceFlow.class);

    private final ExportEvidence export;
    private final ExecutorService background;

    public EvidenceFlow(ExportEvidence export) {
        this.export = export;
        // A thread of its own, not the server's executors: those carry the request's context, and
        // with it the request's transaction and connection, which close once the ack is sent. One
        // pack at a time also bounds what exports cost the database.
        this.background = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "evidence-pack");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /** The answer to give in the ack: a refusal, or the progress message while the pack is built. */
    public String start(MethodsClient client, String team, String user, String channelId, String periodText) {
        var read = export.period(periodText);
        if (read instanceof PeriodReading.Refused refused) {
            return HelpText.after(refused.reason());
        }
        var period = ((PeriodReading.Read) read).period();
        var refusal = export.refusal(team, user);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        background.execute(() -> deliver(client, team, user, channelId, period));
        return "Building the evidence pack for " + period.label() + " (" + period.describe()
                + ")… it arrives in your direct messages with Changebot as a zip, with a summary.";
    }

    private void deliver(MethodsClient client, String team, String user, String channelId,
                         dev.changebot.domain.evidence.Period period) {
        try {
            var pack = export.export(team, user, period);
            var dm = client.conversationsOpen(r -> r.users(java.util.List.of(user)));
            if (!dm.isOk()) {
                throw new IllegalStateException("Slack would not open a direct message: " + dm.getError());
            }
            var name = "changebot-evidence-" + period.fileLabel() + ".zip";
            var upload = client.filesUploadV2(FilesUploadV2Request.builder()
                    .channel(dm.getChannel().getId()).filename(name).title("Evidence pack " + period.label())
                    .fileData(pack.zip()).initialComment(pack.summary().text()).requestFileInfo(false).build());
            if (!upload.isOk()) {
                throw new IllegalStateException("Slack refused the upload: " + upload.getError());
            }
        } catch (Exception e) {
            LOG.warn("Could not deliver the evidence pack for {} to {}", period.label(), user, e);
            AfterTheAck.tellPrivately(client, channelId, user, "The evidence pack for " + period.label()
                    + " could not be delivered (" + AfterTheAck.reason(e) + "). Nothing was lost: please run the command again.");
        }
    }
}
