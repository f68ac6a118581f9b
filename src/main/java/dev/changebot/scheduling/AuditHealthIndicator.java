package dev.changebot.scheduling;

import dev.changebot.application.audit.CheckpointStatus;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit log's checkpoints on /health: the key that verifies them (what an auditor passes to
 * {@code audit verify --pubkey}), the newest checkpoint of each chain, and the last problem posting
 * one to the audit channel. Always UP: a checkpoint that could not be posted blocks nothing; a
 * database that does not answer in time reads UNKNOWN (the jdbc indicator says DOWN).
 */
@Singleton
class AuditHealthIndicator implements HealthIndicator {

    private final CheckpointStatus status;
    private final Duration budget;

    AuditHealthIndicator(CheckpointStatus status, @Value("${changebot.health.database-budget:1500ms}") Duration budget) {
        this.status = status;
        this.budget = budget;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.fromCallable(this::result)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(budget, Mono.fromSupplier(() -> unknown("The database did not answer in time.")))
                .onErrorResume(e -> Mono.just(unknown("The checkpoints could not be read: " + e.getMessage())));
    }

    private HealthResult result() {
        var report = status.read();
        var details = new LinkedHashMap<String, Object>();
        details.put("verifierKey", report.verifierKey());
        details.put("keyFile", report.keyLocation());
        details.put("channel", report.channel().orElse("none (CHANGEBOT_AUDIT_CHANNEL not set)"));
        var chains = new LinkedHashMap<String, Object>();
        for (var chain : report.chains()) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("size", chain.size());
            chain.newestSize().ifPresent(size -> entry.put("checkpointSize", size));
            entry.put("checkpointAt", chain.newestAt().map(Object::toString).orElse("never"));
            chains.put(chain.chainId(), entry);
        }
        details.put("checkpoints", chains);
        report.lastPostProblem().ifPresent(problem -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("channel", problem.channel() == null ? "none" : problem.channel());
            entry.put("problem", problem.problem());
            entry.put("at", problem.at().toString());
            details.put("lastPostProblem", entry);
        });
        return HealthResult.builder("audit", HealthStatus.UP).details(details).build();
    }

    private HealthResult unknown(String message) {
        var details = new LinkedHashMap<String, Object>();
        details.put("message", message);
        return HealthResult.builder("audit", HealthStatus.UNKNOWN).details(details).build();
    }
}
