package dev.changebot.slack.connection;

/** How the app talks to Slack, decided by which credentials are set. */
public enum SlackMode {
    /** Slack calls us at POST /slack/events; needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET. */
    HTTP,
    /** We hold a WebSocket open to Slack; needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN, no public URL. */
    SOCKET,
    /**
     * No Slack workspace: the sandbox's stand-in in this process plays Slack, over HTTP as in
     * {@link #HTTP} (generated bot token and signing secret, Web API served by this server).
     */
    SANDBOX,
    /** No credentials: the app runs its HTTP API without Slack. */
    DISABLED
}
