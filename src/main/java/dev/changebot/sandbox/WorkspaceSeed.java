package dev.changebot.sandbox;

import dev.changebot.domain.policy.Policy;
import dev.changebot.domain.policy.Role;
import dev.changebot.sandbox.workspace.Channel;
import dev.changebot.sandbox.workspace.Group;
import dev.changebot.sandbox.workspace.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The people, user groups and channels a sandbox starts with, from the policy loaded: a requester;
 * for every role as many holders as any approval step of it needs (so an N-of-M step can be
 * completed); and an incident commander. A role held through user groups gets those groups with
 * its holders in them; a role listing users gets those very users as people.
 */
public final class WorkspaceSeed {

    public static final String REQUESTER = "U0ALICE";
    static final String PINNED_NOTE = "Welcome to the Changebot sandbox. You are playing everyone: pick who you are"
            + " at the top. Try `/change new` here, then switch person and approve it with the button or a"
            + " :white_check_mark: reaction; declare `/change emergency <summary>` in #incidents; fast-forward the"
            + " bot's clock (sandbox only) to watch a soak end; as the auditor, `/change evidence YYYY-MM` (this"
            + " month) exports the evidence pack; `/change help` lists the rest.";
    private static final List<String[]> NAMES = List.of(
            new String[]{"bob", "Bob Okafor"}, new String[]{"carol", "Carol Díaz"}, new String[]{"dave", "Dave Kim"},
            new String[]{"erin", "Erin Walsh"}, new String[]{"frank", "Frank Müller"}, new String[]{"grace", "Grace Ito"},
            new String[]{"heidi", "Heidi Larsen"}, new String[]{"ivan", "Ivan Petrov"}, new String[]{"judy", "Judy Chen"},
            new String[]{"mallory", "Mallory Reyes"}, new String[]{"niaj", "Niaj Rahman"}, new String[]{"olivia", "Olivia Brown"},
            new String[]{"peggy", "Peggy Costa"}, new String[]{"rupert", "Rupert Hale"}, new String[]{"sybil", "Sybil Novak"});
    private static final String TZ = "Europe/London";

    private WorkspaceSeed() {
    }

    public static List<Channel> channels(Policy policy) {
        var channels = new ArrayList<Channel>();
        channels.add(new Channel("C0CHANGES", "changes", false, null, PINNED_NOTE));
        channels.add(new Channel("C0INCIDENTS", "incidents", false, null, null));
        channels.add(new Channel("C0ESCALATIONS", "change-escalations", false, null, null));
        // A policy naming its own escalation channel gets it, so escalations land somewhere visible.
        policy.reminders().escalationChannel().map(name -> name.startsWith("#") ? name.substring(1) : name)
                .filter(name -> channels.stream().noneMatch(c -> c.name().equals(name)))
                .ifPresent(name -> channels.add(new Channel("C0" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""),
                        name, false, null, null)));
        return channels;
    }

    public static Directory directory(Policy policy) {
        var people = new LinkedHashMap<String, Person>();
        people.put(REQUESTER, new Person(REQUESTER, "alice", "Alice Ng", "Requester", TZ));
        var groupMembers = new LinkedHashMap<String, Set<String>>();
        int next = 0;
        for (var role : policy.roles().values()) {
            var holders = new ArrayList<String>();
            for (var listed : role.users()) {
                people.computeIfAbsent(listed, id -> new Person(id, id.toLowerCase(Locale.ROOT), id, role.label(), TZ));
                holders.add(listed);
            }
            for (int i = holders.size(); i < holdersNeeded(policy, role); i++) {
                var name = NAMES.get(next++ % NAMES.size());
                var id = "U0" + name[0].toUpperCase(Locale.ROOT) + (next > NAMES.size() ? next : "");
                people.put(id, new Person(id, name[0], name[1], role.label(), TZ));
                holders.add(id);
            }
            for (var handle : role.userGroups()) {
                groupMembers.computeIfAbsent(handle, h -> new LinkedHashSet<>()).addAll(holders);
            }
        }
        var incidentRoles = incidentRoles(policy);
        boolean commanderSeeded = people.values().stream()
                .anyMatch(p -> p.title().toLowerCase(Locale.ROOT).contains("incident"));
        if (incidentRoles.isEmpty() && !commanderSeeded) {
            // Anyone may declare an emergency under this policy: one person still plays the commander.
            var name = NAMES.get(next % NAMES.size());
            var id = "U0" + name[0].toUpperCase(Locale.ROOT) + "IC";
            people.put(id, new Person(id, name[0], name[1], "Incident commander", TZ));
        }
        var groups = new ArrayList<Group>();
        groupMembers.forEach((handle, members) -> groups.add(new Group(
                "S0" + handle.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""), handle, label(policy, handle),
                List.copyOf(members))));
        return new Directory(List.copyOf(people.values()), groups);
    }

    /**
     * Enough holders for the largest count any approval step or follow-up of the role asks for;
     * where one person may take one step only, for every step of the role in a service's chain
     * (its class's steps, then the service's extra steps: Mixpeek's significant homepage change).
     */
    private static int holdersNeeded(Policy policy, Role role) {
        int needed = 1;
        var services = new java.util.ArrayList<java.util.Optional<String>>();
        services.add(java.util.Optional.empty());
        policy.services().keySet().forEach(name -> services.add(java.util.Optional.of(name)));
        for (var changeClass : policy.classes().values()) {
            for (var service : services) {
                int chain = 0;
                for (var step : policy.stepsFor(changeClass, java.util.Optional.empty(), service)) {
                    if (step.roles().contains(role.name())) {
                        needed = Math.max(needed, step.required());
                        chain += step.required();
                    }
                }
                if (service.isPresent() && policy.approvals().onePersonPerStep()) {
                    needed = Math.max(needed, chain);
                }
            }
        }
        return Math.min(needed, 5);
    }

    private static Set<String> incidentRoles(Policy policy) {
        var roles = new LinkedHashSet<String>();
        policy.classes().values().stream().filter(c -> c.emergency()).forEach(c -> roles.addAll(c.declarers()));
        return roles;
    }

    private static String label(Policy policy, String handle) {
        return policy.roles().values().stream().filter(r -> r.userGroups().contains(handle)).map(Role::label)
                .findFirst().orElse(handle);
    }

    /** The people and groups to start with. */
    public record Directory(List<Person> people, List<Group> groups) {
    }
}
