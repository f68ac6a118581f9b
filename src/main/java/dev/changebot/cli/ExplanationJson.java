package dev.changebot.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.changebot.domain.policy.Explanation;
import java.util.List;

/** The explanation as JSON, for pipelines and scripts. */
final class ExplanationJson {

    private ExplanationJson() {
    }

    static String render(Explanation e, PolicyExplainCommand.ExplainContext context) {
        var json = new JsonObject();
        json.addProperty("policy", e.policyId());
        json.addProperty("class", e.changeClass());
        context.service().ifPresent(s -> json.addProperty("service", s));
        context.environment().ifPresent(s -> json.addProperty("environment", s));
        context.type().ifPresent(s -> json.addProperty("type", s));
        context.requester().ifPresent(s -> json.addProperty("requester", s));
        json.addProperty("at", e.at().toString());
        json.addProperty("requestedAt", e.requestedAt().toString());
        json.addProperty("allowed", e.allowed());
        json.addProperty("summary", e.summary());
        json.add("reasons", strings(e.reasons()));
        e.earliestCompliantStart().ifPresent(s -> json.addProperty("earliestCompliantStart", s.toString()));
        json.addProperty("notice", e.notice());
        json.addProperty("noticeSatisfiedAt", e.noticeSatisfiedAt().toString());
        var steps = new JsonArray();
        for (var step : e.approvalSteps()) {
            var s = new JsonObject();
            s.addProperty("step", step.number());
            s.addProperty("name", step.name());
            s.add("roles", strings(step.roles()));
            s.add("who", strings(step.who()));
            s.addProperty("required", step.required());
            steps.add(s);
        }
        json.add("approvalSteps", steps);
        json.add("approvalRules", strings(e.approvalRules()));
        var soak = new JsonArray();
        e.soak().forEach(s -> {
            var o = new JsonObject();
            o.addProperty("environment", s.environment());
            o.addProperty("duration", s.duration());
            soak.add(o);
        });
        json.add("soak", soak);
        e.rollout().ifPresent(r -> json.addProperty("rollout", r));
        e.monitoring().ifPresent(m -> json.addProperty("monitoring", m));
        json.add("overrideRoles", strings(e.overrideRoles()));
        json.add("overrides", strings(e.overrides()));
        json.add("requiredFields", strings(e.requiredFields()));
        json.add("assumptions", strings(e.assumptions()));
        json.add("fallbackWindows", strings(e.fallbackWindows()));
        var stageApprovals = new JsonArray();
        for (var s : e.stageApprovals()) {
            var o = new JsonObject();
            o.addProperty("before", s.before());
            o.addProperty("step", s.name());
            o.add("roles", strings(s.roles()));
            o.addProperty("required", s.required());
            o.addProperty("all", s.all());
            o.addProperty("reaction", s.reaction());
            stageApprovals.add(o);
        }
        json.add("stageApprovals", stageApprovals);
        json.addProperty("conflicts", e.conflicts());
        json.addProperty("zone", e.zone().getId());
        var followUps = new JsonArray();
        for (var f : e.followUps()) {
            var o = new JsonObject();
            o.addProperty("name", f.name());
            o.addProperty("label", f.label());
            o.addProperty("within", f.within());
            o.addProperty("dueAt", f.dueAt().toString());
            o.add("roles", strings(f.roles()));
            o.addProperty("notDeclarer", f.notDeclarer());
            o.add("severities", strings(f.severities()));
            o.addProperty("after", f.after());
            o.addProperty("repeat", f.repeat());
            o.addProperty("byVerbalApprover", f.byVerbalApprover());
            followUps.add(o);
        }
        json.add("followUps", followUps);
        if (!context.requestedClass().equals(e.changeClass())) {
            json.addProperty("requestedClass", context.requestedClass());
        }
        json.add("environments", strings(e.environments()));
        var services = new JsonArray();
        for (var s : e.services()) {
            var o = new JsonObject();
            o.addProperty("name", s.name());
            o.addProperty("label", s.label());
            o.addProperty("owner", s.owner());
            o.add("environments", strings(s.environments()));
            o.add("classOverrides", strings(s.classOverrides()));
            o.add("extraSteps", strings(s.extraSteps()));
            o.add("dependsOn", strings(s.dependsOn()));
            services.add(o);
        }
        json.add("services", services);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(json) + "\n";
    }

    private static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
