package dev.changebot.domain.policy;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.NamedSchedule;
import dev.changebot.domain.metrics.KpiTarget;
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
        Map<String, String> declaredEnvironments,
        Map<String, Service> services,
        Map<String, RuleScope> windowScopes,
        ApiSettings api,
        List<KpiTarget> kpis,
        ReportSettings reports,
        IncidentSettings incidents) {

    /** The service of a policy without a {@code services:} section; changes then record none. */
    public static final String IMPLICIT_SERVICE = "default";

    public Policy {
        // Declaration order is kept: it is the order people read the policy in.
        roles = Collections.unmodifiableMap(new LinkedHashMap<>(roles));
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
        freezes = List.copyOf(freezes);
        declaredEnvironments = Collections.unmodifiableMap(new LinkedHashMap<>(declaredEnvironments));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        windowScopes = Collections.unmodifiableMap(new LinkedHashMap<>(windowScopes));
        kpis = List.copyOf(kpis);
    }

    /** A policy without an {@code incidents:} section (as before issue 18). */
    public Policy(String id, String name, ZoneId zone, Map<String, Role> roles, ApprovalSettings approvals,
                  Map<String, ChangeClass> classes, Optional<String> defaultClass,
                  Optional<RiskQuestionnaire> questionnaire, ApprovalMatrix matrix, Map<String, NamedSchedule> windows,
                  List<Freeze> freezes, BusinessCalendar businessCalendar, Reminders reminders, AuditSettings audit,
                  Map<String, String> declaredEnvironments, Map<String, Service> services,
                  Map<String, RuleScope> windowScopes, ApiSettings api, List<KpiTarget> kpis, ReportSettings reports) {
        this(id, name, zone, roles, approvals, classes, defaultClass, questionnaire, matrix, windows, freezes,
                businessCalendar, reminders, audit, declaredEnvironments, services, windowScopes, api, kpis, reports,
                IncidentSettings.none());
    }

    /** A policy that posts no monthly report. */
    public Policy(String id, String name, ZoneId zone, Map<String, Role> roles, ApprovalSettings approvals,
                  Map<String, ChangeClass> classes, Optional<String> defaultClass,
                  Optional<RiskQuestionnaire> questionnaire, ApprovalMatrix matrix, Map<String, NamedSchedule> windows,
                  List<Freeze> freezes, BusinessCalendar businessCalendar, Reminders reminders, AuditSettings audit,
                  Map<String, String> declaredEnvironments, Map<String, Service> services,
                  Map<String, RuleScope> windowScopes, ApiSettings api, List<KpiTarget> kpis) {
        this(id, name, zone, roles, approvals, classes, defaultClass, questionnaire, matrix, windows, freezes,
                businessCalendar, reminders, audit, declaredEnvironments, services, windowScopes, api, kpis,
                ReportSettings.none());
    }

    /** A policy without a {@code kpis:} section (as before issue 16). */
    public Policy(String id, String name, ZoneId zone, Map<String, Role> roles, ApprovalSettings approvals,
                  Map<String, ChangeClass> classes, Optional<String> defaultClass,
                  Optional<RiskQuestionnaire> questionnaire, ApprovalMatrix matrix, Map<String, NamedSchedule> windows,
                  List<Freeze> freezes, BusinessCalendar businessCalendar, Reminders reminders, AuditSettings audit,
                  Map<String, String> declaredEnvironments, Map<String, Service> services,
                  Map<String, RuleScope> windowScopes, ApiSettings api) {
        this(id, name, zone, roles, approvals, classes, defaultClass, questionnaire, matrix, windows, freezes,
                businessCalendar, reminders, audit, declaredEnvironments, services, windowScopes, api, List.of());
    }

    /** A policy with no environments or services of its own, no scoped windows and no api: section (as before issue 14). */
    public Policy(String id, String name, ZoneId zone, Map<String, Role> roles, ApprovalSettings approvals,
                  Map<String, ChangeClass> classes, Optional<String> defaultClass,
                  Optional<RiskQuestionnaire> questionnaire, ApprovalMatrix matrix, Map<String, NamedSchedule> windows,
                  List<Freeze> freezes, BusinessCalendar businessCalendar, Reminders reminders, AuditSettings audit) {
        this(id, name, zone, roles, approvals, classes, defaultClass, questionnaire, matrix, windows, freezes,
                businessCalendar, reminders, audit, Map.of(), Map.of(), Map.of(), ApiSettings.none(), List.of());
    }

    /** The {@code incidents:} mapping, where each of the policy's own service names also stands for itself. */
    public IncidentSettings incidentMapping() {
        return incidents.withKnownServices(services.keySet());
    }

    public Optional<ChangeClass> changeClass(String name) {
        return Optional.ofNullable(classes.get(name));
    }

    /**
     * The approval steps for a change of this class and, when it names a row of the approval
     * matrix ("category/type"), that row's approvers, combined as the matrix says ({@link ApprovalMatrix#steps}).
     */
    public List<ApprovalStep> stepsFor(ChangeClass changeClass, Optional<String> categoryAndType) {
        if (changeClass.emergency()) {
            return changeClass.steps();
        }
        return matrix.steps(changeClass.steps(), categoryAndType,
                role -> roles.containsKey(role) ? roles.get(role).label() : role);
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
     * Where a change can be reported deployed: the policy's {@code environments:} in their order
     * when it lists them; otherwise every environment a class's soak stages name, in the order the
     * policy names them, then production. Anything else is a typo, not a place.
     */
    public List<String> environments() {
        if (!declaredEnvironments.isEmpty()) {
            return List.copyOf(declaredEnvironments.keySet());
        }
        var names = new java.util.LinkedHashSet<String>();
        classes.values().forEach(c -> c.soak().forEach(stage -> names.add(stage.environment().toLowerCase(java.util.Locale.ROOT))));
        names.add(DeploymentPlan.PRODUCTION);
        return List.copyOf(names);
    }

    /** How people read an environment's name: its label when the policy gives one. */
    public String environmentLabel(String environment) {
        return declaredEnvironments.getOrDefault(environment, environment);
    }

    /** Whether the policy names its services; without them there is one implicit service. */
    public boolean hasServices() {
        return !services.isEmpty();
    }

    /** The service a GitHub repository ("owner/name") is deployed as, by the services' {@code repositories}. */
    public Optional<String> serviceDeployedFrom(String repository) {
        return services.values().stream().filter(s -> s.deployedFrom(repository)).map(Service::name).findFirst();
    }

    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Whether one of two services depends on the other ({@code depends_on}, directly). */
    public boolean dependent(String service, String other) {
        return service(service).map(s -> s.dependsOn().contains(other)).orElse(false)
                || service(other).map(s -> s.dependsOn().contains(service)).orElse(false);
    }

    /** Where changes to {@code service} may be deployed: its own environments, or all the policy's. */
    public List<String> environmentsOf(Optional<String> service) {
        return service.flatMap(this::service).map(s -> s.environmentsIn(environments())).orElse(environments());
    }

    /**
     * The class a change of class {@code requested} is handled as for {@code service}: the
     * service's override of that class, if it has one. Emergencies are never overridden.
     */
    public ChangeClass classFor(ChangeClass requested, Optional<String> service) {
        if (requested.emergency()) {
            return requested;
        }
        return service.flatMap(this::service).flatMap(s -> s.overrideOf(requested.name()))
                .flatMap(this::changeClass).orElse(requested);
    }

    /**
     * The approval steps of a change of this class for {@code service}: the class's (or the
     * matrix's) steps, then the extra steps the service asks for.
     */
    public List<ApprovalStep> stepsFor(ChangeClass changeClass, Optional<String> categoryAndType, Optional<String> service) {
        var extra = service.flatMap(this::service).map(Service::extraSteps).orElse(List.of());
        if (extra.isEmpty() || changeClass.emergency()) {
            return stepsFor(changeClass, categoryAndType);
        }
        var steps = new java.util.ArrayList<>(changeClass.preApproved() ? List.<ApprovalStep>of() : stepsFor(changeClass, categoryAndType));
        steps.addAll(extra);
        return List.copyOf(steps);
    }

    /**
     * The approvals a change of this class to {@code service} needs during its deployment: the class's,
     * then the service's, for the stages the service deploys to. An emergency needs none: its class
     * "overrides all restrictions".
     */
    public List<StageApproval> stageApprovalsFor(ChangeClass changeClass, Optional<String> service) {
        if (changeClass.emergency()) {
            return List.of();
        }
        var found = service.flatMap(this::service);
        var all = new java.util.ArrayList<>(changeClass.stageApprovals());
        found.ifPresent(s -> all.addAll(s.stageApprovals()));
        var environments = found.map(s -> s.environmentsIn(environments())).orElse(environments());
        return all.stream().filter(a -> a.environment().map(environments::contains).orElse(true)).toList();
    }

    /** The reactions that approve something on a change's message: the approve reaction and any stage approval's own. */
    public Set<String> approveReactions() {
        var reactions = new java.util.LinkedHashSet<String>();
        reactions.add(approvals.approveReaction());
        classes.values().forEach(c -> c.stageApprovals().forEach(a -> a.reaction().ifPresent(reactions::add)));
        services.values().forEach(s -> s.stageApprovals().forEach(a -> a.reaction().ifPresent(reactions::add)));
        return reactions;
    }

    /** The class's way to production for a change to {@code service}: only the stages the service deploys to. */
    public DeploymentPlan planFor(ChangeClass changeClass, Optional<String> service) {
        var plan = DeploymentPlan.of(changeClass);
        return service.flatMap(this::service).map(s -> plan.within(s.environmentsIn(environments()))).orElse(plan);
    }

    /** The services and environments a named window restricts. */
    public RuleScope windowScope(String window) {
        return windowScopes.getOrDefault(window, RuleScope.EVERYWHERE);
    }

    public Optional<ChangeClass> emergencyClass() {
        return classes.values().stream().filter(ChangeClass::emergency).findFirst();
    }
}
