package dev.changebot.persistence.gate;

import dev.changebot.application.port.Deployments;
import dev.changebot.domain.change.ChangeId;
import dev.changebot.domain.gate.CodeTimes;
import dev.changebot.domain.gate.Deployment;
import dev.changebot.domain.gate.DeploymentStatus;
import dev.changebot.domain.gate.PipelineRun;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Deployments in PostgreSQL (table deployment, V35). */
@Singleton
class PostgresDeployments implements Deployments {

    private static final String COLUMNS = "workspace_id, source, reported_by, change_number, check_id, service,"
            + " environment, status, percent, sha, version, url, pipeline_provider, pipeline_run, pipeline_url,"
            + " started_at, finished_at, reported_at, uncovered_why, committed_at, pr_opened_at";

    /**
     * The run behind each change's newest check or deployment that named one with a link: checks
     * keep the pipeline as the request gave it, deployments in their own columns.
     */
    private static final String PIPELINE_RUNS = """
            SELECT DISTINCT ON (change_number) change_number, url, provider, run FROM (
                SELECT change_number, reported_at AS at, pipeline_url AS url, pipeline_provider AS provider,
                       pipeline_run AS run
                  FROM deployment WHERE workspace_id = ? AND change_number = ANY(?) AND pipeline_url IS NOT NULL
                UNION ALL
                SELECT change_number, created_at, request_body -> 'pipeline' ->> 'url',
                       request_body -> 'pipeline' ->> 'provider', request_body -> 'pipeline' ->> 'run'
                  FROM gate_check WHERE workspace_id = ? AND change_number = ANY(?)
                   AND request_body -> 'pipeline' ->> 'url' IS NOT NULL
            ) runs ORDER BY change_number, at DESC""";

    private final JdbcOperations jdbc;

    PostgresDeployments(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(Deployment deployment) {
        var pipeline = deployment.pipeline();
        return Rows.one(jdbc, "record a deployment", row -> row.getLong("id"),
                "INSERT INTO deployment (" + COLUMNS + ", covered) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                deployment.workspaceId(), deployment.source().code(), deployment.reportedBy(),
                deployment.change().map(ChangeId::number).orElse(null), deployment.checkId().orElse(null),
                deployment.service().orElse(null), deployment.environment(), deployment.status().code(),
                deployment.percent().isPresent() ? deployment.percent().getAsInt() : null,
                deployment.sha().orElse(null), deployment.version().orElse(null), deployment.url().orElse(null),
                pipeline.flatMap(PipelineRun::provider).orElse(null), pipeline.flatMap(PipelineRun::run).orElse(null),
                pipeline.map(PipelineRun::url).orElse(null), Rows.at(deployment.startedAt().orElse(null)),
                Rows.at(deployment.finishedAt().orElse(null)), Rows.at(deployment.reportedAt()),
                deployment.uncoveredWhy().orElse(null), Rows.at(deployment.codeTimes().committedAt().orElse(null)),
                Rows.at(deployment.codeTimes().pullRequestOpenedAt().orElse(null)), deployment.covered()).orElseThrow();
    }

    @Override
    public List<Deployment> ofChange(String workspaceId, ChangeId change) {
        return Rows.query(jdbc, "list a change's deployments", PostgresDeployments::read,
                "SELECT * FROM (SELECT id, " + COLUMNS + " FROM deployment WHERE workspace_id = ? AND change_number = ?"
                        + " ORDER BY id DESC LIMIT 100) newest ORDER BY id", workspaceId, change.number());
    }

    @Override
    public List<Deployment> unauthorized(String workspaceId, Instant from, Instant until) {
        return Rows.query(jdbc, "list unauthorized deployments", PostgresDeployments::read,
                "SELECT " + COLUMNS + " FROM deployment WHERE workspace_id = ? AND NOT covered AND status = 'succeeded'"
                        + " AND reported_at >= ? AND reported_at < ? ORDER BY reported_at, id",
                workspaceId, Rows.at(from), Rows.at(until));
    }

    @Override
    public Map<ChangeId, PipelineRun> pipelineRuns(String workspaceId, Collection<ChangeId> changes) {
        var runs = new HashMap<ChangeId, PipelineRun>();
        if (changes.isEmpty()) {
            return runs;
        }
        var numbers = changes.stream().map(ChangeId::number).toArray(Long[]::new);
        Rows.query(jdbc, "read the changes' pipeline runs", row -> runs.put(new ChangeId(row.getLong("change_number")),
                        new PipelineRun(row.getString("url"), Optional.ofNullable(row.getString("provider")),
                                Optional.ofNullable(row.getString("run")))),
                PIPELINE_RUNS, workspaceId, numbers, workspaceId, numbers);
        return runs;
    }

    private static Deployment read(ResultSet row) throws SQLException {
        var change = row.getLong("change_number");
        var changeId = row.wasNull() ? Optional.<ChangeId>empty() : Optional.of(new ChangeId(change));
        var check = row.getLong("check_id");
        var checkId = row.wasNull() ? Optional.<Long>empty() : Optional.of(check);
        var percent = row.getInt("percent");
        var percentage = row.wasNull() ? OptionalInt.empty() : OptionalInt.of(percent);
        var pipelineUrl = row.getString("pipeline_url");
        var pipeline = pipelineUrl == null ? Optional.<PipelineRun>empty()
                : Optional.of(new PipelineRun(pipelineUrl, Optional.ofNullable(row.getString("pipeline_provider")),
                        Optional.ofNullable(row.getString("pipeline_run"))));
        return new Deployment(row.getString("workspace_id"),
                Deployment.Source.valueOf(row.getString("source").toUpperCase(Locale.ROOT)), row.getString("reported_by"),
                changeId, checkId, Optional.ofNullable(row.getString("service")), row.getString("environment"),
                DeploymentStatus.ofCode(row.getString("status")).orElseThrow(), percentage,
                Optional.ofNullable(row.getString("sha")), Optional.ofNullable(row.getString("version")),
                Optional.ofNullable(row.getString("url")), pipeline, Rows.instant(row, "started_at"),
                Rows.instant(row, "finished_at"), Rows.instant(row, "reported_at").orElseThrow(),
                Optional.ofNullable(row.getString("uncovered_why")),
                new CodeTimes(Rows.instant(row, "committed_at"), Rows.instant(row, "pr_opened_at")));
    }
}
