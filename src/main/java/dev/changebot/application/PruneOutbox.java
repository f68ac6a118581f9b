package dev.changebot.application;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Slack queues small: what was delivered or given up more than {@link #KEEP} ago is
 * forgotten. The audit trail is the change's events, not its Slack traffic; a month of the latter
 * is enough to answer "did that reminder go out?".
 */
@Singleton
public class PruneOutbox {

    static final Duration KEEP = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(PruneOutbox.class);

    private final Outbox outbox;
    private final NoticeOutbox notices;
    private final Transactions transactions;
    private final Clock clock;

    public PruneOutbox(Outbox outbox, NoticeOutbox notices, Transactions transactions, Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns how many rows were forgotten. */
    public int run() {
        var before = clock.instant().minus(KEEP);
        int pruned = transactions.inTransaction(() -> outbox.prune(before) + notices.prune(before));
        if (pruned > 0) {
            LOG.info("Forgot {} Slack posts settled before {}", pruned, before);
        }
        return pruned;
    }
}
