package dev.changebot.sandbox.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace's people and user groups, replaced whole and only when valid (distinct Slack-like
 * ids and handles, groups naming only people there are). Not thread-safe on its own: the
 * {@link Workspace} holds its lock around every use.
 */
final class Directory {

    private final Map<String, Person> people = new LinkedHashMap<>();
    private final List<Group> groups = new ArrayList<>();

    void replace(List<Person> newPeople, List<Group> newGroups) {
        var ids = new HashSet<String>();
        for (var person : newPeople) {
            if (person.id() == null || !person.id().matches("U[A-Z0-9]{2,20}") || !ids.add(person.id())
                    || person.id().equals(Workspace.BOT_USER_ID)) {
                throw new IllegalArgumentException("Each person needs a distinct id like U0ALICE (U, then capitals"
                        + " and digits), not '" + person.id() + "'");
            }
            if (person.name() == null || person.name().isBlank()) {
                throw new IllegalArgumentException("Person " + person.id() + " needs a name");
            }
        }
        var handles = new HashSet<String>();
        for (var group : newGroups) {
            if (group.handle() == null || !group.handle().matches("[a-z0-9._-]{1,80}") || !handles.add(group.handle())) {
                throw new IllegalArgumentException("Each group needs a distinct handle (lower case, digits, . _ -),"
                        + " not '" + group.handle() + "'");
            }
            for (var member : group.users()) {
                if (!ids.contains(member)) {
                    throw new IllegalArgumentException("Group @" + group.handle() + " names " + member
                            + ", who is not among the people");
                }
            }
        }
        people.clear();
        newPeople.forEach(p -> people.put(p.id(), p));
        groups.clear();
        groups.addAll(newGroups);
    }

    Person person(String id) {
        var person = people.get(id);
        if (person == null) {
            throw new SlackRefusal("user_not_found");
        }
        return person;
    }

    List<Person> people() {
        return List.copyOf(people.values());
    }

    List<Group> groups() {
        return List.copyOf(groups);
    }
}
