package dev.changebot.domain.evidence;

import java.time.Instant;
import java.util.Optional;

/**
 * A successful deployment nothing covered, as the evidence pack lists it among the exceptions:
 * when it was reported, by whom and through what (api, github), where it went, the change it named
 * if any, and why no allowed check or approved change stood behind it.
 */
public record UnauthorizedDeploymentRecord(Instant reportedAt, String reportedBy, String source, String where,
                                           Optional<String> change, String why, Optional<String> version,
                                           Optional<String> pipelineUrl) {
}
