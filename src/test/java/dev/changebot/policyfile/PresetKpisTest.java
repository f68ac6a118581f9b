package dev.changebot.policyfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.changebot.domain.metrics.KpiPeriod;
import dev.changebot.domain.metrics.KpiTarget;
import dev.changebot.domain.metrics.KpiVerdict;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The reference policies' numeric targets, as their presets' kpis. */
class PresetKpisTest {

    @Test
    @DisplayName("POL-008's 9.2 targets are the preset's kpis, judged met or missed")
    void pol008Targets() {
        var policy = ((PolicyLoad.Loaded) PolicyFiles.preset("pol-008")).policy();

        assertThat(policy.kpis()).extracting(KpiTarget::valueKey).containsExactly("change_success_rate",
                "mean_time_to_deploy_hours{class=standard}", "deployments_per_week", "change_failure_rate", "rollback_rate");
        assertThat(policy.kpis()).allSatisfy(k -> assertThat(k.period()).isEqualTo(KpiPeriod.QUARTER));
        var measured = Map.of("change_success_rate", Optional.of(0.97),
                "mean_time_to_deploy_hours{class=standard}", Optional.of(1.5),
                "deployments_per_week", Optional.of(12.0),
                "change_failure_rate", Optional.of(0.04),
                "rollback_rate", Optional.<Double>empty());
        assertThat(policy.kpis()).extracting(k -> k.evaluate(measured).outcome()).containsExactly(
                KpiVerdict.Outcome.MET, KpiVerdict.Outcome.MISSED, KpiVerdict.Outcome.MET, KpiVerdict.Outcome.MET,
                KpiVerdict.Outcome.NO_DATA);
    }

    @Test
    @DisplayName("POL-012's KPI Linkage and chat-backend's audit-report targets are their presets' kpis")
    void otherPresetTargets() {
        var pol012 = ((PolicyLoad.Loaded) PolicyFiles.preset("pol-012")).policy();
        var chat = ((PolicyLoad.Loaded) PolicyFiles.preset("chat-backend")).policy();

        assertThat(pol012.kpis()).extracting(k -> k.label() + k.scopeWords() + " " + k.targetWords()).containsExactly(
                "Change failure rate < 5 %",
                "Unauthorized changes (bypassing required approvals) = 0",
                "Change lead time (median, PR open to production) for standard changes < 4 h");
        assertThat(chat.kpis()).extracting(k -> k.valueKey() + " " + k.targetWords()).containsExactly(
                "rollback_rate < 5 %", "unauthorized_deployments = 0", "approval_bypasses = 0",
                "mean_time_to_deploy_hours{class=low} < 2 h");
    }
}
