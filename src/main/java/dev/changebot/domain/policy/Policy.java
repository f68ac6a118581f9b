package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.NamedSchedule;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A team's change policy, as loaded from its YAML file: everything Changebot enforces comes from
 * here, nothing is hard-coded per team.
 */
public record Policy(
        String id,
        String name,
        ZoneId zone,
        Map<String, Role> roles,
        ApprovalSettings approvals,
        Map<String, ChangeClass> classes,
        Optional<String> defaultClass,
        Optional<RiskQuestionnaire> questionnaire,
        ApprovalMatrix matrix,
        Map<String, NamedSchedule> windows,
        List<Freeze> freezes,
        BusinessCalendar businessCalendar,
        Reminders reminders,
        AuditSettings audit,
        ApiSettings api) {

    /** A policy without an {@code api:} section. */
    public Policy(String id, String name, ZoneId zone, Map<String, Role> roles, ApprovalSettings approvals,
                  Map<String, ChangeClass> classes, Optional<String> defaultClass,
                  Optional<RiskQuestionnaire> questionnaire, ApprovalMatrix matrix, Map<String, NamedSchedule> windows,
                  List<Freeze> freezes, BusinessCalendar businessCalendar, Reminders reminders, AuditSettings audit) {
        this(id, name, zone, roles, approvals, classes, defaultClass, questionnaire, matrix, windows, freezes,
                businessCalendar, reminders, audit, ApiSettings.none());
    }

    public Policy {
        // Declaration order is kept: it is the order people read the policy in.
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
        freezes = List.copyOf(freezes);
    }

    public Optional<ChangeClass> changeClass(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /**
     * The approval steps for a change of this class, or of a given "category/type" when the policy
     * has an approval matrix row for it: each role listed there is one step, in order.
     */
    public List<ApprovalStep> stepsFor(ChangeClass changeClass, Optional<String> categoryAndType) {
        var fromMatrix = categoryAndType.flatMap(ct -> {
            var parts = ct.split("/", 2);
            return parts.length == 2 ? matrix.rolesFor(parts[0], parts[1]) : Optional.empty();
        });
        if (fromMatrix.isEmpty()) {
            return changeClass.steps();
        }
        return fromMatrix.get().stream()
                .map(role -> new ApprovalStep(roles.containsKey(role) ? roles.get(role).label() : role, Set.of(role), 1))
                .toList();
    }

    /**
     * The class a new request belongs to: the one chosen, else the questionnaire's verdict on the
     * answers, else the default class, else the only class there is. Emergencies are declared,
     * never requested, so they are not chosen here.
     */
    public Optional<ChangeClass> classify(Optional<String> chosen, Map<String, String> answers) {
        if (chosen.isPresent()) {
            return changeClass(chosen.get()).filter(c -> !c.emergency());
        }
        var scored = questionnaire.flatMap(q -> q.classify(answers)).flatMap(this::changeClass);
        if (scored.isPresent()) {
            return scored;
        }
        var requestable = classes.values().stream().filter(c -> !c.emergency()).toList();
        return defaultClass.flatMap(this::changeClass)
                .or(() -> requestable.size() == 1 ? Optional.of(requestable.get(0)) : Optional.empty());
    }

    /**
     * Where a change can be reported deployed: every environment a class's soak stages name, in
     * the order the policy names them, then production. Anything else is a typo, not a place.
     */
    public List<String> environments() {
        var names = new java.util.LinkedHashSet<String>();
        classes.values().forEach(c -> c.soak().forEach(stage -> names.add(stage.environment().toLowerCase(java.util.Locale.ROOT))));
        names.add(DeploymentPlan.PRODUCTION);
        return List.copyOf(names);
    }

    public Optional<ChangeClass> emergencyClass() {
        return classes.values().stream().filter(ChangeClass::emergency).findFirst();
    }
}
