package dev.changebot.scheduling;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import org.quartz.SchedulerException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Reports on /health whether the clustered Quartz scheduler (reminders, the late-timer sweep, pruning) is running. */
@Singleton
class SchedulerHealthIndicator implements HealthIndicator {

    private final ClusteredScheduler clustered;

    SchedulerHealthIndicator(ClusteredScheduler clustered) {
        this.clustered = clustered;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::result).subscribeOn(Schedulers.boundedElastic());
    }

    private HealthResult result() {
        var scheduler = clustered.scheduler();
        var details = new LinkedHashMap<String, Object>();
        try {
            var meta = scheduler.getMetaData();
            details.put("instanceId", meta.getSchedulerInstanceId());
            details.put("clustered", meta.isJobStoreClustered());
            details.put("jobStore", meta.getJobStoreClass().getSimpleName());
            boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
            details.put("running", running);
            return HealthResult.builder("scheduler", running ? HealthStatus.UP : HealthStatus.DOWN)
                    .details(details).build();
        } catch (SchedulerException e) {
            details.put("problem", e.getMessage());
            return HealthResult.builder("scheduler", HealthStatus.DOWN).details(details).build();
        }
    }
}
