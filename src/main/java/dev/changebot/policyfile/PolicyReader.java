package dev.changebot.policyfile;

import dev.changebot.domain.calendar.BusinessCalendar;
import dev.changebot.domain.calendar.HolidayCalendar;
import dev.changebot.domain.calendar.NamedSchedule;
import dev.changebot.domain.policy.ApprovalMatrix;
import dev.changebot.domain.policy.ApprovalSettings;
import dev.changebot.domain.policy.ChangeClass;
import dev.changebot.domain.policy.Freeze;
import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Role;
import dev.changebot.domain.policy.RuleScope;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a policy file's text into a {@link Policy}, or every problem it has. */
public final class PolicyReader {

    /** The one key of approval_matrix that is no category. */
    private static final String COMBINE = "combine";

    static final Set<String> TOP_KEYS = Set.of("version", "id", "name", "timezone", "business_days", "roles",
            "approvals", "windows", "freezes", "classes", "default_class", "questionnaire", "approval_matrix", "follow_ups",
            "reminders", "audit", "environments", "services", "api", "kpis", "reports", "incidents");

    private final Problems problems;
    private final Values values;
    private final References references;

    private PolicyReader(String file) {
        this.problems = new Problems(file);
        this.values = new Values(problems);
        this.references = new References(problems);
    }

    public static PolicyLoad read(String file, String text) {
        return new PolicyReader(file).readAll(text);
    }

    private PolicyLoad readAll(String text) {
        Node root;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // duplicates are reported by YamlMap, with positions
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // At the end of the file the problem mark says nothing; where the unclosed thing began does.
            var atEnd = e.getProblem() != null && e.getProblem().contains("end of stream") && e.getContextMark() != null;
            problems.at(atEnd ? e.getContextMark() : e.getProblemMark(), "not valid YAML: " + e.getProblem(),
                    e.getContext() == null ? "" : e.getContext() + (atEnd ? " that starts here" : ""));
            return new PolicyLoad.Invalid(problems.all());
        }
        if (root == null) {
            problems.at((org.yaml.snakeyaml.error.Mark) null, "the policy file is empty", "see docs/policy.md for a complete example");
            return new PolicyLoad.Invalid(problems.all());
        }
        var policy = YamlMap.of(root, "", problems).flatMap(this::policy);
        return problems.isEmpty() && policy.isPresent()
                ? new PolicyLoad.Loaded(policy.get()) : new PolicyLoad.Invalid(problems.all());
    }

    private Optional<Policy> policy(YamlMap top) {
        top.allowOnly(TOP_KEYS);
        top.integer("version").filter(v -> v != 1).ifPresent(v -> problems.at(top.get("version").orElseThrow(),
                "unsupported policy version " + v, "this Changebot reads version: 1"));
        var id = top.requiredString("id", "a short name for the policy, e.g. id: chat-backend").orElse("");
        var zone = top.string("timezone")
                .flatMap(t -> values.zone(t, top.get("timezone").orElseThrow(), "timezone")).orElse(ZoneOffset.UTC);
        var roles = roles(top);
        var windowScopes = new LinkedHashMap<String, RuleScope>();
        var windows = windows(top, zone, windowScopes);
        var freezes = freezes(top, zone);
        var classes = classes(top);
        var defaultClass = top.get("default_class").map(node -> new YamlMap.Named(top.string("default_class").orElse(""), node));
        defaultClass.ifPresent(references::changeClass);
        var questionnaire = top.map("questionnaire").flatMap(q -> new QuestionnaireReader(references).read(q));
        var matrix = top.map("approval_matrix").map(this::matrix).orElse(ApprovalMatrix.NONE);
        var reminders = top.map("reminders").map(r -> new RemindersReader(problems, references).read(r))
                .orElse(dev.changebot.domain.policy.Reminders.defaults());
        var audit = top.map("audit").map(a -> new AuditReader(problems, references).read(a))
                .orElse(dev.changebot.domain.policy.AuditSettings.none());
        var api = top.map("api").map(a -> new ApiReader(problems, references).read(a))
                .orElse(dev.changebot.domain.policy.ApiSettings.none());
        var business = top.map("business_days").map(b -> businessCalendar(b, zone))
                .orElse(new BusinessCalendar(zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), HolidayCalendar.none()));
        if (!top.has("classes")) {
            problems.at(top.node(), "the policy defines no classes", "add classes: with at least one class of change");
        }
        var environments = new EnvironmentsReader(problems).read(top);
        var services = new ServiceReader(problems, references).read(top, classes);
        var kpis = new KpiReader(problems, references).read(top);
        var incidentsReader = new IncidentsReader(problems, references);
        var incidents = top.map("incidents").map(incidentsReader::read)
                .orElse(dev.changebot.domain.policy.IncidentSettings.none());
        incidentsReader.checkServices(services.keySet());
        references.check(roles.keySet(), windows.keySet(), classes.keySet());
        var policy = new Policy(id, top.string("name").orElse(id), zone, roles,
                top.map("approvals").map(this::approvals).orElse(ApprovalSettings.defaults()), classes,
                defaultClass.map(YamlMap.Named::text), questionnaire, matrix, windows, freezes, business, reminders,
                audit, environments, services, windowScopes, api, kpis,
                top.map("reports").map(r -> new ReportsReader(problems).read(r))
                        .orElse(dev.changebot.domain.policy.ReportSettings.none()), incidents);
        // Without an environments: section the policy's environments are its soak stages and production.
        references.checkPlaces(services.keySet(), Set.copyOf(policy.environments()));
        return Optional.of(policy);
    }

    private Map<String, Role> roles(YamlMap top) {
        var roles = new LinkedHashMap<String, Role>();
        top.map("roles").ifPresent(section -> section.entries().forEach((name, node) ->
                YamlMap.of(node, "roles." + name, problems).ifPresent(role -> {
                    role.allowOnly(Set.of("label", "usergroups", "users"));
                    var groups = names(role.strings("usergroups"));
                    var users = names(role.strings("users"));
                    if (groups.isEmpty() && users.isEmpty()) {
                        problems.at(section.keyNode(name), "role '" + name + "' has nobody in it",
                                "give usergroups: [slack-group-handle] and/or users: [U0123ABCD]");
                    }
                    roles.put(name, new Role(name, role.string("label").orElse(name), groups, users));
                })));
        return roles;
    }

    private Map<String, NamedSchedule> windows(YamlMap top, ZoneId policyZone, Map<String, RuleScope> scopes) {
        var windows = new LinkedHashMap<String, NamedSchedule>();
        var reader = new ScheduleReader(problems);
        top.map("windows").ifPresent(section -> section.entries().forEach((name, node) ->
                YamlMap.of(node, "windows." + name, problems).ifPresent(window -> {
                    var keys = new LinkedHashSet<>(ScheduleReader.KINDS);
                    keys.addAll(Set.of("label", "timezone", "from", "duration", ScopeReader.SERVICES,
                            ScopeReader.ENVIRONMENTS));
                    window.allowOnly(keys);
                    scopes.put(name, new ScopeReader(references).read(window));
                    var zone = window.string("timezone")
                            .flatMap(t -> values.zone(t, window.get("timezone").orElseThrow(), window.child("timezone")))
                            .orElse(policyZone);
                    if (!ScheduleReader.definesPeriods(window)) {
                        problems.at(section.keyNode(name), "window '" + name + "' has no times", "give weekly:, recurrence:, periods: ...");
                    }
                    reader.read(window, zone).ifPresent(schedule -> windows.put(name,
                            new NamedSchedule(name, window.string("label").orElse("the " + name + " window"), schedule)));
                })));
        return windows;
    }

    private List<Freeze> freezes(YamlMap top, ZoneId zone) {
        var freezes = new ArrayList<Freeze>();
        var reader = new FreezeReader(problems, references);
        top.map("freezes").ifPresent(section -> section.entries().forEach((name, node) ->
                YamlMap.of(node, "freezes." + name, problems)
                        .flatMap(f -> reader.read(name, f, zone, section.keyNode(name))).ifPresent(freezes::add)));
        return freezes;
    }

    private Map<String, ChangeClass> classes(YamlMap top) {
        var classes = new LinkedHashMap<String, ChangeClass>();
        var reader = new ClassReader(problems, references, new FollowUpReader(problems, references).readPolicyWide(top));
        top.map("classes").ifPresent(section -> section.entries().forEach((name, node) ->
                YamlMap.of(node, "classes." + name, problems).ifPresent(c -> {
                    var changeClass = reader.read(name, c);
                    if (changeClass.emergency() && classes.values().stream().anyMatch(ChangeClass::emergency)) {
                        problems.at(section.keyNode(name), "class '" + name + "' is a second emergency class",
                                "keep one class with emergency: true");
                    }
                    classes.put(name, changeClass);
                })));
        return classes;
    }

    private ApprovalSettings approvals(YamlMap approvals) {
        approvals.allowOnly(Set.of("requester_may_approve", "one_person_per_step", "approve_reaction"));
        return new ApprovalSettings(approvals.bool("requester_may_approve").orElse(false),
                approvals.bool("one_person_per_step").orElse(true),
                approvals.string("approve_reaction").map(r -> r.replace(":", "")).orElse(ApprovalSettings.DEFAULT_REACTION));
    }

    /**
     * {@code approval_matrix:} categories of types, each type a list of roles; one scalar key,
     * {@code combine: add | replace}, says how a type's approvers meet the class's chain (default add).
     */
    private ApprovalMatrix matrix(YamlMap matrix) {
        var combine = ApprovalMatrix.Combine.ADD;
        var word = matrix.string(COMBINE);
        if (word.isPresent()) {
            try {
                combine = ApprovalMatrix.Combine.valueOf(word.get().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                problems.at(matrix.get(COMBINE).orElseThrow(), "approval_matrix.combine must be add or replace, not '"
                        + word.get() + "'", "add: the type's approvers and then the class's chain; replace: the"
                        + " type's approvers instead of the class's");
            }
        }
        var byCategory = new LinkedHashMap<String, Map<String, List<String>>>();
        matrix.entries().forEach((category, node) -> {
            if (category.equals(COMBINE)) {
                return;
            }
            YamlMap.of(node, "approval_matrix." + category, problems).ifPresent(types -> {
                var byType = new LinkedHashMap<String, List<String>>();
                types.entries().keySet().forEach(type ->
                        byType.put(type, List.copyOf(references.roles(types.strings(type)))));
                byCategory.put(category, byType);
            });
        });
        return new ApprovalMatrix(byCategory, combine);
    }

    private BusinessCalendar businessCalendar(YamlMap business, ZoneId zone) {
        business.allowOnly(Set.of("weekend", "holidays"));
        var weekend = EnumSet.noneOf(DayOfWeek.class);
        business.strings("weekend").forEach(d -> values.day(d.text(), d.node(), business.child("weekend")).ifPresent(weekend::add));
        if (!business.has("weekend")) {
            weekend.addAll(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        }
        HolidayCalendar holidays = business.string("holidays")
                .flatMap(code -> new ScheduleReader(problems).publicHolidays(code, business.get("holidays").orElseThrow(),
                        business.child("holidays")))
                .map(h -> (HolidayCalendar) h).orElse(HolidayCalendar.none());
        return new BusinessCalendar(zone, weekend, holidays);
    }

    private static Set<String> names(List<YamlMap.Named> named) {
        var set = new LinkedHashSet<String>();
        named.forEach(n -> set.add(n.text()));
        return set;
    }
}
