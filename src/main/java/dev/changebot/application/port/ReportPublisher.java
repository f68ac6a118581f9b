package dev.changebot.application.port;

/** Where a period's report is published for people: the chat platform's channel, with its chart and CSV. */
public interface ReportPublisher {

    /** False when there is nowhere to publish (no bot token): nothing is claimed then. */
    boolean available();

    /** The report of {@code period} for {@code workspaceId}, posted to {@code channel}; thrown when it could not be. */
    void publish(String workspaceId, String channel, String period) throws Exception;
}
