package dev.changebot.application.port;

import java.time.Instant;

/** Which monthly reports were posted: claimed once per workspace and period, across every node. */
public interface ReportPosts {

    /** True when this caller claimed it now; false when it was posted (or is being posted) already. */
    boolean claim(String workspaceId, String period, Instant at);

    /** Gives a claim back after a failed post, so that the next run tries again. */
    void release(String workspaceId, String period);
}
