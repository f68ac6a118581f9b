package dev.changebot.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FirstUseTest {

    @Test
    void asksItsProviderOnlyOnFirstUse() {
        var asked = new AtomicInteger();
        var firstUse = new FirstUse<>(() -> "bean " + asked.incrementAndGet());

        assertThat(asked).hasValue(0);
        assertThat(firstUse.get()).isEqualTo("bean 1");
        assertThat(firstUse.get()).isEqualTo("bean 1");
        assertThat(asked).hasValue(1);
    }
}
