package dev.changebot.scheduling;

import dev.changebot.application.metrics.MonthSoFar;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Every node keeps its own App Home figures: this month so far, recomputed every ten minutes. */
@Singleton
public class MonthSoFarRefresh {

    private final MonthSoFar monthSoFar;

    public MonthSoFarRefresh(MonthSoFar monthSoFar) {
        this.monthSoFar = monthSoFar;
    }

    @Scheduled(initialDelay = "${changebot.home.month-so-far.initial-delay:1m}",
            fixedDelay = "${changebot.home.month-so-far.every:10m}")
    void refresh() {
        monthSoFar.refresh();
    }
}
