package dev.changebot.scheduling;

import dev.changebot.application.audit.ChainRecordedFacts;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Reports on /health how the audit sequencer keeps up: entries this node chained, the lag of its
 * last pass that chained any, and its last problem. Always UP: a fact waiting to be chained is
 * recorded all the same (the database's own health says when it is away).
 */
@Singleton
class AuditChainHealthIndicator implements HealthIndicator {

    private final AuditSequencer sequencer;
    private final ChainRecordedFacts chaining;

    AuditChainHealthIndicator(AuditSequencer sequencer, ChainRecordedFacts chaining) {
        this.sequencer = sequencer;
        this.chaining = chaining;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        var details = new LinkedHashMap<String, Object>();
        details.put("chainedSinceStart", chaining.chained());
        details.put("lagMillis", chaining.lastWait().toMillis());
        var problem = sequencer.problem();
        if (problem != null) {
            details.put("problem", problem);
        }
        return Mono.just(HealthResult.builder("auditChain", HealthStatus.UP).details(details).build());
    }
}
