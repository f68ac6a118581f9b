package dev.changebot.persistence;

import dev.changebot.application.port.SlackDeliveryWaking;
import dev.changebot.application.port.Transactions;
import io.micronaut.core.util.SupplierUtil;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * What every adapter that queues something for Slack (a message refresh, a notice) does after writing
 * it: asks for delivery once the transaction has committed (never before: the drain reads only committed
 * rows, and a row rolled back is nothing to deliver).
 */
@Singleton
public class QueuedForSlack {

    private final Transactions transactions;
    private final Supplier<SlackDeliveryWaking> waking;

    QueuedForSlack(Transactions transactions, Provider<SlackDeliveryWaking> waking) {
        this.transactions = transactions;
        // Kept after the first look-up: asking the bean context on every write cost the ack path
        // 3 % of a request thread's CPU (docs/performance/ack-path-fifteenth-session.md).
        this.waking = SupplierUtil.memoized(waking::get);
    }

    public void queued() {
        transactions.afterCommit(() -> waking.get().deliverSoon());
    }
}
