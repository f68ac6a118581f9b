package dev.changebot.slack.view;

/**
 * A signed checkpoint as posted to the audit channel: one line saying what it is and how to use it,
 * then the note in a code block, so an auditor copies it exactly (the note holds no character that
 * mrkdwn would change: an origin, digits, base64, a time, an em dash and the key's name).
 */
public final class CheckpointMessage {

    private CheckpointMessage() {
    }

    public static String text(String chainId, long size, String note) {
        return "Audit checkpoint of workspace " + Mrkdwn.escape(chainId) + ": " + size + (size == 1 ? " entry" : " entries")
                + ", signed. Copy the block into a file to check the log against it: `java -jar changebot.jar audit"
                + " verify --checkpoint FILE`.\n```\n" + Mrkdwn.escape(note) + "```";
    }
}
