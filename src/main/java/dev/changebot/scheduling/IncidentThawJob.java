package dev.changebot.scheduling;

import dev.changebot.application.incident.RecordIncidents;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * Lifts incident freezes whose cool-down has run out: the digest of waiting changes is posted once
 * (whichever node gets there first marks it) and waiting gate checks are woken. A resolution without
 * a cool-down is lifted at once, when it is recorded; this pass is for the ones time settles.
 */
@Singleton
public class IncidentThawJob {

    private final RecordIncidents incidents;

    public IncidentThawJob(RecordIncidents incidents) {
        this.incidents = incidents;
    }

    @Scheduled(initialDelay = "${changebot.incidents.thaw-initial-delay:30s}",
            fixedDelay = "${changebot.incidents.thaw-every:15s}")
    public void thaw() {
        incidents.thawDue();
    }
}
