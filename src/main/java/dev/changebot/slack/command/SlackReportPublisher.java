package dev.changebot.slack.command;

import dev.changebot.application.port.ReportPublisher;
import dev.changebot.slack.connection.SlackWebApi;
import jakarta.inject.Singleton;

/** Publishes a period's report in a Slack channel with the bot's token, as `/change report` does. */
@Singleton
class SlackReportPublisher implements ReportPublisher {

    private final ReportFlow reports;
    private final SlackWebApi webApi;

    SlackReportPublisher(ReportFlow reports, SlackWebApi webApi) {
        this.reports = reports;
        this.webApi = webApi;
    }

    @Override
    public boolean available() {
        return webApi.client().isPresent();
    }

    @Override
    public void publish(String workspaceId, String channel, String period) throws Exception {
        reports.post(webApi.client().orElseThrow(), workspaceId, channel, period);
    }
}
