package dev.changebot.application.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A request's one budget for database work")
class RequestBudgetTest {

    @Test
    @DisplayName("outside a request there is no budget: nothing is ever spent")
    void noBudget() {
        assertThat(RequestBudget.remaining()).isEmpty();
        assertThat(RequestBudget.spent()).isFalse();
    }

    @Test
    @DisplayName("a budget counts down from its start and is gone once the request is answered")
    void countsDownAndEnds() {
        try (var budget = RequestBudget.start(Duration.ofHours(1))) {
            assertThat(RequestBudget.remaining()).hasValueSatisfying(left ->
                    assertThat(left).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
            assertThat(RequestBudget.spent()).isFalse();
        }
        assertThat(RequestBudget.remaining()).isEmpty();
    }

    @Test
    @DisplayName("an empty budget is spent at once")
    void spent() {
        try (var budget = RequestBudget.start(Duration.ZERO)) {
            assertThat(RequestBudget.spent()).isTrue();
        }
    }

    @Test
    @DisplayName("a nested start keeps the deadline the request arrived with, and leaves it in place when it ends")
    void nestedKeepsOuter() {
        try (var outer = RequestBudget.start(Duration.ZERO)) {
            try (var inner = RequestBudget.start(Duration.ofHours(1))) {
                assertThat(RequestBudget.spent()).isTrue();
            }
            assertThat(RequestBudget.remaining()).isPresent();
        }
        assertThat(RequestBudget.remaining()).isEmpty();
    }

    @Test
    @DisplayName("each thread has its own: a job running beside a request has none")
    void perThread() throws InterruptedException {
        try (var budget = RequestBudget.start(Duration.ZERO)) {
            var seen = new java.util.concurrent.atomic.AtomicReference<Boolean>();
            var other = new Thread(() -> seen.set(RequestBudget.remaining().isPresent()));
            other.start();
            other.join(10_000);
            assertThat(seen.get()).isFalse();
        }
    }
}
