package dev.changebot.persistence;

import dev.changebot.application.port.SlackDeliveryWaking;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * What every adapter that queues something for Slack (a message refresh, a notice) does after writing
 * it: asks for delivery once the transaction has committed (never before: the drain reads only committed
 * rows, and a row rolled back is nothing to deliver).
 */
@Singleton
public class QueuedForSlack {

    private final Transactions transactions;
    private final FirstUse<SlackDeliveryWaking> waking;

    QueuedForSlack(Transactions transactions, Provider<SlackDeliveryWaking> waking) {
        this.transactions = transactions;
        this.waking = new FirstUse<>(waking);
    }

    public void queued() {
        transactions.afterCommit(() -> waking.get().deliverSoon());
    }
}
