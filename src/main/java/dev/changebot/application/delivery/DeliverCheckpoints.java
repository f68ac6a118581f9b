package dev.changebot.application.delivery;

import dev.changebot.application.audit.CheckpointSettings;
import dev.changebot.application.audit.PostingProblems;
import dev.changebot.application.port.ChannelPacing;
import dev.changebot.application.port.CheckpointPosts;
import dev.changebot.application.port.CheckpointWitness;
import dev.changebot.application.port.SlackDelivery;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Posts recorded checkpoints to the audit channel, the way the outbox posts everything else
 * ({@link QueueWorker}: retries with backoff, Retry-After on a 429, one post a second per channel).
 * Whatever happens is recorded with the checkpoint: the message's place, or the problem. A problem
 * never stops anything else: the checkpoint is recorded already, and the problem is told once
 * ({@link PostingProblems}) and shown on /health.
 */
@Singleton
public class DeliverCheckpoints extends QueueWorker<CheckpointPosts.Pending> {

    static final String NOT_CONFIGURED = "no audit channel is configured (CHANGEBOT_AUDIT_CHANNEL)";

    private final CheckpointPosts posts;
    private final CheckpointWitness witness;
    private final ChannelPacing pacing;
    private final Optional<String> channel;
    private final PostingProblems problems;

    public DeliverCheckpoints(CheckpointPosts posts, CheckpointWitness witness, ChannelPacing pacing,
                              CheckpointSettings settings, PostingProblems problems, Transactions transactions,
                              Clock clock) {
        super(posts, transactions, clock);
        this.posts = posts;
        this.witness = witness;
        this.pacing = pacing;
        this.channel = settings.channel();
        this.problems = problems;
    }

    /** Posts every checkpoint due now; how many were posted. */
    public synchronized int drain() {
        return drain(() -> true);
    }

    public synchronized int drain(BooleanSupplier keepGoing) {
        return drainQueue(keepGoing);
    }

    @Override
    protected boolean deliver(CheckpointPosts.Pending pending) {
        var now = clock.instant();
        if (channel.isEmpty()) {
            return notWitnessed(pending, null, NOT_CONFIGURED, now);
        }
        var to = channel.get();
        if (!paced(pacing, pending, to, now)) {
            return false;
        }
        var result = witness.post(to, pending.chainId(), pending.size(), pending.note());
        if (result instanceof SlackDelivery.Result.Delivered delivered) {
            var message = delivered.message();
            // The link is a convenience for the health page and the docs; the post is what counts.
            var permalink = witness.permalink(message).orElse(null);
            report(() -> posts.witnessed(pending, message.channelId(), message.messageTs(), permalink, now));
            problems.cleared();
            return true;
        }
        if (result instanceof SlackDelivery.Result.Failed failed && !failed.retryable()) {
            return notWitnessed(pending, to, failed.error(), now);
        }
        return settle(pending, result, now, () -> { }, () -> {
            var error = ((SlackDelivery.Result.Failed) result).error();
            posts.notWitnessed(pending, to, error, now);
            problems.report(to, error);
        });
    }

    private boolean notWitnessed(CheckpointPosts.Pending pending, String to, String problem, Instant now) {
        report(() -> posts.notWitnessed(pending, to, problem, now));
        problems.report(to, problem);
        return false;
    }

    @Override
    protected int attempts(CheckpointPosts.Pending pending) {
        return pending.attempts();
    }

    @Override
    protected String describe(CheckpointPosts.Pending pending) {
        return "checkpoint " + pending.checkpointId() + " of chain " + pending.chainId() + " (size " + pending.size() + ")";
    }
}
