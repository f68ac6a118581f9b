package dev.changebot.application.metrics;

import dev.changebot.domain.metrics.MetricFacts;
import java.time.Instant;
import java.util.List;

/** Reads the facts a metrics report is computed from, in one snapshot of the record (docs/metrics.md). */
public interface MetricFactsReader {

    /** The changes that matter to [from, until) and the deployments reported from {@code from} on. */
    MetricFacts read(String workspaceId, Instant from, Instant until);

    /** The workspaces the database holds changes or deployments of. */
    List<String> workspaces();
}
