package dev.changebot.application.delivery;

import dev.changebot.application.port.DeliveryLedger;
import dev.changebot.application.port.NoticeOutbox;
import dev.changebot.application.port.Outbox;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Slack tables small: what was delivered or given up more than {@link #KEEP} ago is
 * forgotten. The audit trail is the change's events, not its Slack traffic; a month of the latter
 * is enough to answer "did that reminder go out?". The keys of requests Slack sent us matter only
 * while Slack may send them again, which is minutes: they are kept {@link #KEEP_DELIVERIES}.
 */
@Singleton
public class PruneOutbox {

    static final Duration KEEP = Duration.ofDays(30);
    static final Duration KEEP_DELIVERIES = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(PruneOutbox.class);

    private final Outbox outbox;
    private final NoticeOutbox notices;
    private final DeliveryLedger deliveries;
    private final Transactions transactions;
    private final Clock clock;

    public PruneOutbox(Outbox outbox, NoticeOutbox notices, DeliveryLedger deliveries, Transactions transactions,
                       Clock clock) {
        this.outbox = outbox;
        this.notices = notices;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns how many Slack posts were forgotten; the request keys forgotten with them are only logged. */
    public int run() {
        var now = clock.instant();
        var before = now.minus(KEEP);
        int pruned = transactions.inTransaction(() -> outbox.prune(before) + notices.prune(before));
        if (pruned > 0) {
            LOG.info("Forgot {} Slack posts settled before {}", pruned, before);
        }
        int keys = transactions.inTransaction(() -> deliveries.prune(now.minus(KEEP_DELIVERIES)));
        if (keys > 0) {
            LOG.info("Forgot the keys of {} Slack requests received before {}", keys, now.minus(KEEP_DELIVERIES));
        }
        return pruned;
    }
}
