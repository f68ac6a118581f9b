package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.port.SlackDeliveryWaking;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueuedForSlackTest {

    @Test
    void wakesDeliveryAfterEachCommitAndAsksItsProviderOnlyOnFirstUse() {
        var asked = new AtomicInteger();
        var woken = new AtomicInteger();
        SlackDeliveryWaking waking = woken::incrementAndGet;
        var transactions = new DirectTransactions();
        var queued = new QueuedForSlack(transactions, () -> {
            asked.incrementAndGet();
            return waking;
        });

        assertThat(asked).hasValue(0);
        for (int i = 0; i < 3; i++) {
            transactions.inTransaction(() -> {
                queued.queued();
                return null;
            });
        }

        assertThat(woken).hasValue(3);
        assertThat(asked).hasValue(1);
    }
}
