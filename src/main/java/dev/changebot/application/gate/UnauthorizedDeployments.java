package dev.changebot.application.gate;

import dev.changebot.application.port.AuditNotes;
import dev.changebot.application.port.Notices;
import dev.changebot.domain.audit.CanonicalJson;
import dev.changebot.domain.gate.Deployment;
import dev.changebot.domain.gate.PipelineRun;
import dev.changebot.domain.notice.Notice;
import dev.changebot.domain.notice.NoticeFacts;
import dev.changebot.domain.notice.Recipient;
import dev.changebot.domain.policy.Policy;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows a deployment nothing covered, in the transaction that records it: the fact goes into
 * the audit chain ({@code UnauthorizedDeployment}), and people are told where escalations go — the
 * policy's escalation channel, else its API channel, else its audit channel. With none of these it
 * is still recorded, chained, listed in the evidence pack's exceptions, and logged.
 */
@Singleton
public class UnauthorizedDeployments {

    static final String AUDIT_KIND = "UnauthorizedDeployment";
    private static final Logger LOG = LoggerFactory.getLogger(UnauthorizedDeployments.class);

    private final AuditNotes audit;
    private final Notices notices;
    private final Policy policy;

    public UnauthorizedDeployments(AuditNotes audit, Notices notices, Policy policy) {
        this.audit = audit;
        this.notices = notices;
        this.policy = policy;
    }

    public void recorded(Deployment deployment, long deploymentId) {
        if (!deployment.unauthorized()) {
            return;
        }
        var details = new LinkedHashMap<String, Object>();
        details.put("deployment", deploymentId);
        details.put("source", deployment.source().code());
        details.put("environment", deployment.environment());
        deployment.service().ifPresent(service -> details.put("service", service));
        deployment.change().ifPresent(change -> details.put("change", change.toString()));
        deployment.sha().ifPresent(sha -> details.put("sha", sha));
        deployment.version().ifPresent(version -> details.put("version", version));
        deployment.pipeline().ifPresent(run -> details.put("pipeline", run.url()));
        details.put("why", deployment.uncoveredWhy().orElseThrow());
        details.put("reportedAt", CanonicalJson.instant(deployment.reportedAt()));
        audit.record(deployment.workspaceId(), AUDIT_KIND, deployment.reportedBy(), deployment.reportedAt(), details);

        var recipient = policy.reminders().escalationChannel().or(() -> policy.api().channel())
                .or(() -> policy.audit().channel()).map(Recipient.Channel::new);
        if (recipient.isEmpty()) {
            LOG.warn("Unauthorized deployment to {} reported by {} ({}): the policy names no escalation, API or audit"
                    + " channel to tell", deployment.where(), deployment.reportedBy(), deployment.uncoveredWhy().get());
            return;
        }
        notices.send(new Notice(deployment.workspaceId(), deployment.change(), recipient.get(),
                new NoticeFacts.UnauthorizedDeployment(deployment.where(), deployment.reportedBy(),
                        deployment.uncoveredWhy().get(), deployment.version(),
                        deployment.pipeline().map(PipelineRun::url), deployment.reportedAt())));
    }
}
