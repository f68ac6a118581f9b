package dev.changebot.application.request;

import dev.changebot.application.port.DeliveryLedger;
import dev.changebot.application.port.Transactions;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Slack may deliver one slash command or form submission more than once (a retry after a slow
 * ack, a proxy resending, the same request reaching two instances). Whatever the request does
 * happens once: its key is taken in the same transaction as its work, so a redelivery, on any
 * instance, after a restart, or while the first is still running (it then waits for it), does
 * nothing and gets the first answer again.
 *
 * <p>The work's own transactions join this one, so its effects commit with the key. The key is
 * taken first: a role lookup the work makes before locking a change (it may ask Slack) runs
 * with a connection held, but only copies of this same request wait on the key. Timers the
 * work arms ring only after this transaction commits ({@link Transactions#afterCommit}).
 */
@Singleton
public class AnswerOnce {

    private final DeliveryLedger ledger;
    private final Transactions transactions;
    private final Clock clock;

    public AnswerOnce(DeliveryLedger ledger, Transactions transactions, Clock clock) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A slash command: its answer, the same for every delivery of it (refusals included). */
    public String answer(Delivery delivery, Supplier<String> work) {
        return once(delivery, work, answer -> true, answer -> answer, earlier -> earlier);
    }

    /**
     * A form submission: the work's result the first time; empty for a redelivery of a submission
     * that {@code settles} (it closed the form, and closes it again). A result that does not settle
     * (the form is sent back with errors, to be corrected and submitted again) is not remembered.
     */
    public <T> Optional<T> firstTime(Delivery delivery, Supplier<T> work, Predicate<T> settles) {
        return once(delivery, () -> Optional.of(work.get()), result -> settles.test(result.get()), result -> "",
                earlier -> Optional.empty());
    }

    private <T> T once(Delivery delivery, Supplier<T> work, Predicate<T> settles,
                       Function<T, String> told, Function<String, T> repeated) {
        if (!delivery.identified()) {
            return work.get();
        }
        return transactions.inTransaction(() -> {
            var earlier = ledger.claim(delivery, clock.instant());
            if (earlier.isPresent()) {
                return repeated.apply(earlier.get());
            }
            var result = work.get();
            if (settles.test(result)) {
                ledger.answered(delivery, told.apply(result));
            } else {
                ledger.release(delivery);
            }
            return result;
        });
    }
}
