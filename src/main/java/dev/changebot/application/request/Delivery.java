package dev.changebot.application.request;

/**
 * One request as Slack identifies it, so a second delivery of it can be recognised: a slash
 * command by its {@code trigger_id}, a form submission by its view's id and hash (the hash changes
 * whenever the view does, so it names the version of the form that was submitted).
 */
public record Delivery(String workspaceId, String kind, String key) {

    public static Delivery slashCommand(String workspaceId, String triggerId) {
        return new Delivery(workspaceId, "command", triggerId);
    }

    public static Delivery viewSubmission(String workspaceId, String viewId, String viewHash) {
        return new Delivery(workspaceId, "view", viewId == null ? null : viewId + "/" + (viewHash == null ? "" : viewHash));
    }

    /** A request without its identity (malformed, or not from Slack) cannot be recognised again. */
    boolean identified() {
        return workspaceId != null && !workspaceId.isBlank() && key != null && !key.isBlank();
    }
}
