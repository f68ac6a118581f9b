package dev.changebot.sandbox.workspace;

import com.google.gson.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everyone's modal stack and App Home, with Slack's rules: at most {@value #MAX_STACK} modals
 * stacked, an update naming a stale hash is refused, a view is found by its id or external id.
 * Not thread-safe on its own: the {@link Workspace} holds its lock around every use.
 */
final class Views {

    /** Slack's limit: views.push on a stack of three answers push_limit_reached. */
    static final int MAX_STACK = 3;

    private final Map<String, Deque<OpenView>> modals = new HashMap<>();
    private final Map<String, OpenView> homes = new HashMap<>();
    private final Supplier<String> ids;
    private final Supplier<String> hashes;

    Views(Supplier<String> ids, Supplier<String> hashes) {
        this.ids = ids;
        this.hashes = hashes;
    }

    /** views.open: a new modal stack (anything open for the person is closed, as a new trigger replaces it). */
    OpenView open(String user, JsonObject view) {
        var opened = fresh(user, "modal", view, null, null);
        var stack = new ArrayDeque<OpenView>();
        stack.push(opened);
        modals.put(user, stack);
        return opened;
    }

    OpenView push(String user, JsonObject view) {
        var stack = modals.get(user);
        if (stack == null || stack.isEmpty()) {
            // Slack's views.push needs a modal to push onto.
            throw new SlackRefusal("not_found", List.of("[ERROR] no modal is open to push onto"));
        }
        if (stack.size() >= MAX_STACK) {
            throw new SlackRefusal("push_limit_reached");
        }
        var top = stack.peek();
        var pushed = fresh(user, "modal", view, top.rootViewId(), top.id());
        stack.push(pushed);
        return pushed;
    }

    /** views.update by view id or external id; {@code hash}, when given, must be the view's current one. */
    OpenView update(String viewId, String externalId, String hash, JsonObject view) {
        var current = find(viewId, externalId);
        if (current == null) {
            throw new SlackRefusal("not_found");
        }
        if (hash != null && !hash.isBlank() && !hash.equals(current.hash())) {
            throw new SlackRefusal("hash_conflict");
        }
        var updated = new OpenView(current.id(), current.type(), current.user(), hashes.get(), current.rootViewId(),
                current.previousViewId(), view, new JsonObject(), Map.of());
        replace(current, updated);
        return updated;
    }

    /** views.publish: the App Home of {@code user}, replaced whole. */
    OpenView publish(String user, String hash, JsonObject view) {
        var current = homes.get(user);
        if (current != null && hash != null && !hash.isBlank() && !hash.equals(current.hash())) {
            throw new SlackRefusal("hash_conflict");
        }
        var published = current == null ? fresh(user, "home", view, null, null)
                : new OpenView(current.id(), "home", user, hashes.get(), current.id(), null, view, new JsonObject(), Map.of());
        homes.put(user, published);
        return published;
    }

    OpenView find(String viewId, String externalId) {
        for (var view : all()) {
            if ((viewId != null && !viewId.isBlank() && view.id().equals(viewId))
                    || (externalId != null && !externalId.isBlank() && externalId.equals(view.externalId()))) {
                return view;
            }
        }
        return null;
    }

    /** Replaces the view with the same id where it is (stack or home). */
    void replace(OpenView current, OpenView updated) {
        if ("home".equals(current.type())) {
            homes.put(current.user(), updated);
            return;
        }
        var stack = modals.get(current.user());
        var copy = new ArrayList<>(stack);
        copy.replaceAll(v -> v.id().equals(current.id()) ? updated : v);
        stack.clear();
        // ArrayDeque iterates top first; re-adding at the tail keeps that order.
        copy.forEach(stack::addLast);
    }

    /** Closes the top modal (a submission answered with nothing): the one below shows again. */
    OpenView closeTop(String user) {
        var stack = modals.get(user);
        return stack == null ? null : stack.poll();
    }

    void clear(String user) {
        modals.remove(user);
    }

    /** The person's modals, bottom first (the page draws the last on top). */
    List<OpenView> stackOf(String user) {
        var stack = modals.get(user);
        if (stack == null) {
            return List.of();
        }
        var bottomFirst = new ArrayList<>(stack);
        java.util.Collections.reverse(bottomFirst);
        return bottomFirst;
    }

    OpenView homeOf(String user) {
        return homes.get(user);
    }

    private List<OpenView> all() {
        var all = new ArrayList<OpenView>(homes.values());
        modals.values().forEach(all::addAll);
        return all;
    }

    private OpenView fresh(String user, String type, JsonObject view, String rootViewId, String previousViewId) {
        var id = ids.get();
        return new OpenView(id, type, user, hashes.get(), rootViewId == null ? id : rootViewId, previousViewId, view,
                new JsonObject(), Map.of());
    }
}
