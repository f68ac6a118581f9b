package dev.changebot.application.request;

import dev.changebot.application.DirectTransactions;
import dev.changebot.application.port.DeliveryLedger;
import static dev.changebot.domain.change.ChangeFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Answering a Slack request once")
class AnswerOnceTest {

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryLedger ledger = new InMemoryLedger();
    final AnswerOnce once = new AnswerOnce(ledger, transactions, CLOCK);
    final AtomicInteger runs = new AtomicInteger();

    @Test
    @DisplayName("a command delivered again is given the first answer, and its work does not run again")
    void commandRepeatsItsAnswer() {
        var command = Delivery.slashCommand("T1", "1337.42.abc");

        var first = once.answer(command, () -> "Declared CHG-" + runs.incrementAndGet() + ".");
        var second = once.answer(command, () -> "Declared CHG-" + runs.incrementAndGet() + ".");

        assertThat(first).isEqualTo("Declared CHG-1.");
        assertThat(second).isEqualTo(first);
        assertThat(runs).hasValue(1);
    }

    @Test
    @DisplayName("the key is taken inside the transaction that does the work")
    void keyTakenWithTheWork() {
        once.answer(Delivery.slashCommand("T1", "1337.42.abc"), () -> "done");

        assertThat(ledger.claimedInTransaction).isTrue();
        assertThat(transactions.started()).isEqualTo(1);
    }

    @Test
    @DisplayName("a form that settled closes again on redelivery; one sent back with errors is judged afresh")
    void formsRememberedOnlyWhenSettled() {
        var settled = Delivery.viewSubmission("T1", "V1", "h1");
        var sentBack = Delivery.viewSubmission("T1", "V2", "h1");

        assertThat(once.firstTime(settled, runs::incrementAndGet, n -> true)).contains(1);
        assertThat(once.firstTime(settled, runs::incrementAndGet, n -> true)).isEmpty();
        assertThat(once.firstTime(sentBack, runs::incrementAndGet, n -> false)).contains(2);
        assertThat(once.firstTime(sentBack, runs::incrementAndGet, n -> false)).contains(3);
    }

    @Test
    @DisplayName("another workspace's request with the same id is another request")
    void keyedByWorkspace() {
        once.answer(Delivery.slashCommand("T1", "same"), () -> "first");

        assertThat(once.answer(Delivery.slashCommand("T2", "same"), () -> "second")).isEqualTo("second");
    }

    @Test
    @DisplayName("a request without its trigger id cannot be recognised: it runs every time")
    void unidentifiedRunsEveryTime() {
        once.answer(Delivery.slashCommand("T1", null), () -> String.valueOf(runs.incrementAndGet()));
        once.answer(Delivery.slashCommand("T1", null), () -> String.valueOf(runs.incrementAndGet()));

        assertThat(runs).hasValue(2);
        assertThat(ledger.keys).isEmpty();
    }

    /** The ledger's contract without a database; the waiting of concurrent copies is PostgreSQL's. */
    final class InMemoryLedger implements DeliveryLedger {

        final Map<Delivery, String> keys = new HashMap<>();
        boolean claimedInTransaction;

        @Override
        public Optional<String> claim(Delivery delivery, Instant receivedAt) {
            claimedInTransaction = transactions.active();
            if (keys.containsKey(delivery)) {
                return Optional.of(keys.get(delivery));
            }
            keys.put(delivery, "");
            return Optional.empty();
        }

        @Override
        public void answered(Delivery delivery, String answer) {
            keys.put(delivery, answer);
        }

        @Override
        public void release(Delivery delivery) {
            keys.remove(delivery);
        }

        @Override
        public int prune(Instant before) {
            return 0;
        }
    }
}
