package dev.changebot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** `policy check` and `policy explain` as a user types them, with their documented exit codes. */
class PolicyCliTest {

    @Test
    @DisplayName("policy check passes on a preset, by name and by path, with exit code 0")
    void checkValid() {
        var byName = run("check", "preset:chat-backend");
        var byPath = run("check", "src/main/resources/policies/pol-012.yaml");

        assertThat(byName.exit()).isEqualTo(PolicyCommand.ALLOWED);
        assertThat(byName.out()).contains("valid", "chat-backend", "4 KPI targets");
        assertThat(byPath.exit()).isEqualTo(PolicyCommand.ALLOWED);
    }

    @Test
    @DisplayName("policy check refuses a KPI naming an unknown metric, at its line and column, with the closest metric")
    void checkUnknownMetric() {
        var result = run("check", "src/test/resources/policies/broken/kpis.yaml");

        assertThat(result.exit()).isEqualTo(PolicyCommand.INVALID);
        assertThat(result.err()).contains("kpis.yaml:23:13: unknown metric 'rollback_rat' (did you mean 'rollback_rate'?",
                "13 problems");
    }

    @Test
    @DisplayName("policy check on a broken file lists every problem with line and column, exit code 2")
    void checkBroken() {
        var result = run("check", "src/test/resources/policies/broken/undefined-references.yaml");

        assertThat(result.exit()).isEqualTo(PolicyCommand.INVALID);
        assertThat(result.err()).contains("undefined-references.yaml:11:41: undefined role 'backend-leed'",
                "undefined-references.yaml:12:15: undefined window 'bussiness'", "3 problems");
    }

    @Test
    @DisplayName("policy explain: a blocked change exits 1 and says why and when it may start instead")
    void explainBlocked() {
        var result = run("explain", "preset:chat-backend", "--class", "medium", "--at", "2026-03-06T16:30:00Z");

        assertThat(result.exit()).isEqualTo(PolicyCommand.BLOCKED);
        assertThat(result.out()).contains("BLOCKED", "Blocked by the weekend freeze until Mon 08:00 UTC",
                "the earliest window for", "opens Mon 10:00 UTC", "Earliest compliant start: Mon 2026-03-09 10:00 UTC",
                "1. Backend Lead review");
    }

    @Test
    @DisplayName("POL-012 CTRL-012.2 \"IC or Engineering Manager can override\": overrides name who, any one or all, times in the policy's zone and UTC, and what was assumed")
    void explainOverridesTimesAndAssumptions() {
        var result = run("explain", "preset:pol-012", "--class", "normal", "--at", "2026-03-06T20:30:00Z");

        assertThat(result.out()).contains("Start at Fri 2026-03-06 15:30 EST (20:30 UTC): BLOCKED",
                "Earliest compliant start: Mon 2026-03-09 09:00 EDT (13:00 UTC)",
                "the weekend freeze: any one of Incident Commander (incident-commander) or Engineering Manager"
                        + " (engineering-manager), with a written justification",
                "Required fields: title, description, systems_affected, rollback_plan, testing_evidence",
                "no incident is open", "nobody has declared a freeze");
    }

    @Test
    @DisplayName("pol-008 5.1 \"24 hours advance notice\": a start blocked by notice never reads \"Then: Allowed\"; chat-backend's exceptions need Backend Lead and SRE Lead together")
    void explainNoticeAndJointOverride() {
        var notice = run("explain", "preset:pol-008", "--class", "normal", "--at", "2026-03-10T18:00:00Z",
                "--requested-at", "2026-03-10T17:00:00Z");
        var chat = run("explain", "preset:chat-backend", "--class", "medium", "--at", "2026-03-06T16:30:00Z");

        assertThat(notice.exit()).isEqualTo(PolicyCommand.BLOCKED);
        assertThat(notice.out()).contains("Needs 24 h notice, so not before Wed 2026-03-11 10:00 PDT (17:00 UTC);"
                + " at that time the calendar allows it").doesNotContain("Then:", "T17:00:00Z");
        assertThat(chat.out()).contains("outside its windows: all of Backend Lead (backend-lead) and SRE Lead (sre-lead)"
                + " (one person of each), with a written justification");
    }

    @Test
    @DisplayName("who may declare an emergency, in each policy's words: rotor's team members; nobody claims unilateral authority")
    void explainWhoDeclares() {
        var rotor = run("explain", "preset:rotor", "--class", "emergency", "--at", "2026-03-06T12:00:00Z");
        var pol008 = run("explain", "preset:pol-008", "--class", "emergency", "--at", "2026-03-06T12:00:00Z");

        assertThat(rotor.out()).contains("declared by Rotor team member (team-member)");
        assertThat(pol008.out()).contains("declared by").doesNotContain("unilateral");
    }

    @Test
    @DisplayName("policy explain: an emergency lists its follow-ups with absolute deadlines")
    void explainEmergency() {
        var result = run("explain", "preset:rotor", "--class", "emergency", "--at", "2026-03-06T12:00:00Z");

        assertThat(result.exit()).isEqualTo(PolicyCommand.ALLOWED);
        assertThat(result.out()).contains("ALLOWED", "within 2 business days, due Tue 2026-03-10 12:00 UTC",
                "not by the declarer");
    }

    @Test
    @DisplayName("policy explain --service: the service's steps and class override apply; the policy's services and environments are listed")
    void explainForAService() {
        var homepage = run("explain", "preset:mixpeek", "--class", "standard", "--service", "homepage",
                "--environment", "production", "--at", "2026-03-10T10:00:00Z");
        var shop = run("explain", "src/test/resources/policies/test-services.yaml", "--class", "standard", "--service",
                "shop", "--at", "2026-03-10T10:00:00Z", "--json");

        assertThat(homepage.exit()).isEqualTo(PolicyCommand.ALLOWED);
        // 4.2 "Explicit approval before push": given during the deployment, before production, not before the start.
        assertThat(homepage.out()).contains("pre-approved: recorded and approved at once",
                "Approvals during the deployment (button, reaction or `/change approve`):\n"
                        + "  - before production: Explicit approval before push — 1 of Mixpeek reviewer, reaction :white_check_mark:",
                "Environments, first to last: production (Production)",
                "  - homepage (Homepage), to every environment, also needs Explicit approval before push (before production)",
                "  - celery (Celery), to every environment").doesNotContain("1. Explicit approval before push");
        assertThat(shop.out()).contains("\"class\": \"normal\"", "\"requestedClass\": \"standard\"",
                "\"environments\": [", "\"classOverrides\": [\n        \"standard -> normal\"",
                "\"dependsOn\": [\n        \"api\"");
    }

    @Test
    @DisplayName("policy explain lists the approvals given during the deployment: chat-backend's production gate and rollback dual approval")
    void explainStageApprovals() {
        var text = run("explain", "preset:chat-backend", "--class", "high", "--at", "2026-04-07T03:00:00Z",
                "--requested-at", "2026-03-02T09:00:00Z");
        var json = run("explain", "preset:chat-backend", "--class", "medium", "--at", "2026-03-10T11:00:00Z", "--json");

        assertThat(text.out()).contains("Approvals during the deployment (button, reaction or `/change approve`):\n"
                + "  - before production: Tech Architect production gate — 1 of Tech Architect (tech-architect), reaction :white_check_mark:\n"
                + "  - before rollback: Rollback dual approval — Backend Lead (backend-lead) and SRE Lead (sre-lead)\n");
        assertThat(json.out()).contains("\"stageApprovals\": [", "\"before\": \"production\"",
                "\"step\": \"Manual QA approval\"", "\"reaction\": \"+1\"", "\"all\": false");
    }

    @Test
    @DisplayName("policy explain shows the class's conflicts: rule, warn when the policy does not say")
    void explainConflictsRule() {
        var text = run("explain", "preset:chat-backend", "--class", "medium", "--at", "2026-03-10T11:00:00Z");
        var json = run("explain", "preset:chat-backend", "--class", "medium", "--at", "2026-03-10T11:00:00Z", "--json");

        assertThat(text.out()).contains("Conflicts: warn (a request whose planned window conflicts is recorded, with a warning)\n");
        assertThat(json.out()).contains("\"conflicts\": \"warn (a request");
    }

    @Test
    @DisplayName("policy explain: a production-scoped freeze blocks production, not staging")
    void explainScopedFreeze() {
        var policy = "src/test/resources/policies/test-services.yaml";
        var production = run("explain", policy, "--class", "standard", "--service", "api", "--environment", "production",
                "--at", "2026-03-14T10:00:00Z");
        var staging = run("explain", policy, "--class", "standard", "--service", "api", "--environment", "staging",
                "--at", "2026-03-14T10:00:00Z");

        assertThat(production.exit()).isEqualTo(PolicyCommand.BLOCKED);
        assertThat(production.out()).contains("the production weekend freeze");
        assertThat(staging.exit()).isEqualTo(PolicyCommand.ALLOWED);
    }

    @Test
    @DisplayName("policy explain: a service or environment the policy lacks is wrong usage, named")
    void explainUnknownServiceOrEnvironment() {
        var service = run("explain", "preset:mixpeek", "--class", "standard", "--service", "billing", "--at",
                "2026-03-10T10:00:00Z");
        var environment = run("explain", "src/test/resources/policies/test-services.yaml", "--class", "standard",
                "--service", "homepage", "--environment", "staging", "--at", "2026-03-10T10:00:00Z");

        assertThat(service.exit()).isEqualTo(PolicyCommand.USAGE);
        assertThat(service.err()).contains("There is no service 'billing' in policy 'mixpeek'; services: api, engine");
        assertThat(environment.exit()).isEqualTo(PolicyCommand.USAGE);
        assertThat(environment.err()).contains("'staging' is not an environment of service 'homepage'; environments: production");
    }

    @Test
    @DisplayName("wrong usage exits 64 with a message: unknown class, bad instant, missing option")
    void usageErrors() {
        assertThat(run("explain", "preset:rotor", "--class", "major", "--at", "2026-03-06T12:00:00Z").exit())
                .isEqualTo(PolicyCommand.USAGE);
        assertThat(run("explain", "preset:rotor", "--class", "normal", "--at", "tomorrow").err())
                .contains("ISO-8601");
        assertThat(run("explain", "preset:rotor", "--class", "normal").exit()).isEqualTo(PolicyCommand.USAGE);
        assertThat(run().exit()).isEqualTo(PolicyCommand.USAGE);
    }

    @Test
    @DisplayName("the clause scenarios give the same answers through the CLI (--json)")
    void scenariosThroughTheCli() {
        for (var scenario : dev.changebot.policyfile.PresetScenariosAccess.all()) {
            var result = run(scenario.arguments().toArray(String[]::new));
            assertThat(result.exit()).as(scenario.name()).isEqualTo(scenario.allowed() ? 0 : 1);
            JsonObject json = JsonParser.parseString(result.out()).getAsJsonObject();
            assertThat(json.get("allowed").getAsBoolean()).as(scenario.name()).isEqualTo(scenario.allowed());
            assertThat(Instant.parse(json.get("earliestCompliantStart").getAsString()))
                    .as(scenario.name()).isEqualTo(Instant.parse(scenario.earliest()));
            scenario.followUpsDue().forEach((name, due) -> assertThat(json.getAsJsonArray("followUps").toString())
                    .as(scenario.name()).contains("\"name\":\"" + name + "\"", Instant.parse(due).toString()));
        }
    }

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var line = new String[args.length + 1];
        line[0] = "policy";
        System.arraycopy(args, 0, line, 1, args.length);
        int exit = ChangebotCommand.run(new PrintWriter(out), new PrintWriter(err), line);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
    }
}
