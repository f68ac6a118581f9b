package dev.changebot.sandbox.workspace;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * The sandbox's Slack workspace, in memory: people and user groups, channels and DMs, messages,
 * threads, ephemerals, modal stacks, App Homes and reactions, and the calls refused. Every method
 * holds one lock (the bot's calls and the page's requests arrive on many threads); every change
 * bumps {@link #version()} and tells the subscribers (the page's event streams).
 */
public final class Workspace {

    public static final String TEAM_ID = "T0SANDBOX";
    public static final String TEAM_NAME = "Sandbox";
    public static final String TEAM_DOMAIN = "sandbox";
    public static final String BOT_USER_ID = "U0CHANGEBOT";
    public static final String BOT_ID = "B0CHANGEBOT";
    public static final String BOT_NAME = "changebot";
    public static final String APP_ID = "A0CHANGEBOT";

    private final Clock clock;
    private final Conversations conversations = new Conversations();
    private final Views views;
    private final Directory directory = new Directory();
    private final Triggers triggers;
    private final RecentErrors errors = new RecentErrors();
    private final List<LongConsumer> subscribers = new CopyOnWriteArrayList<>();
    private final MessageTimestamps timestamps;
    private long version;
    private long serial;

    /**
     * @param clock     the bot's clock (message timestamps follow the business time the bot sees)
     * @param wallClock real time, for what Slack times in real time (trigger ids)
     */
    public Workspace(Clock clock, Clock wallClock, List<Channel> channels, List<Person> people, List<Group> groups) {
        this.clock = clock;
        this.timestamps = new MessageTimestamps(clock);
        this.triggers = new Triggers(wallClock);
        this.views = new Views(() -> "V0" + Long.toString(++serial, 36).toUpperCase(Locale.ROOT) + "SBX",
                () -> clock.instant().getEpochSecond() + "." + Long.toHexString(++serial));
        channels.forEach(conversations::add);
        replaceDirectory(people, groups);
    }

    // ---- reading ----

    public synchronized long version() {
        return version;
    }

    /** Everything one person sees, copied under the lock. */
    public synchronized Snapshot snapshot(String viewer) {
        var messages = new LinkedHashMap<String, List<Message>>();
        conversations.messages().forEach((channel, list) -> {
            var c = conversations.channels().get(channel);
            // A DM is between its person and the bot: others do not see it.
            if (!c.isIm() || c.user().equals(viewer)) {
                messages.put(channel, List.copyOf(list));
            }
        });
        var threads = new LinkedHashMap<String, List<Message>>();
        conversations.threads().forEach((key, list) -> {
            if (messages.containsKey(key.substring(0, key.indexOf('/')))) {
                threads.put(key, List.copyOf(list));
            }
        });
        var replyCounts = new HashMap<String, Integer>();
        messages.values().forEach(list -> list.forEach(m -> replyCounts.put(Conversations.key(m.channel(), m.ts()),
                conversations.replyCount(m))));
        var channels = conversations.channels().values().stream()
                .filter(c -> !c.isIm() || c.user().equals(viewer)).toList();
        return new Snapshot(version, clock.instant(), directory.people(), directory.groups(), channels,
                messages, threads, replyCounts, conversations.ephemeralsOf(viewer), views.stackOf(viewer),
                views.homeOf(viewer), errors.list());
    }

    public synchronized List<Person> people() {
        return directory.people();
    }

    public synchronized List<Group> groups() {
        return directory.groups();
    }

    public synchronized Person person(String id) {
        return directory.person(id);
    }

    public synchronized Channel channel(String ref) {
        return conversations.find(ref);
    }

    /** A message or reply; refused with message_not_found when there is none. */
    public synchronized Message message(String channelRef, String ts) {
        var message = conversations.find(conversations.find(channelRef).id(), ts);
        if (message == null) {
            throw new SlackRefusal("message_not_found");
        }
        return message;
    }

    public synchronized Ephemeral ephemeral(String user, String ts) {
        return conversations.ephemeral(user, ts);
    }

    public synchronized OpenView view(String viewId) {
        var view = views.find(viewId, null);
        if (view == null) {
            throw new SlackRefusal("not_found");
        }
        return view;
    }

    // ---- messages ----

    public synchronized Message post(String channelRef, String user, String botId, String text, JsonArray blocks,
                                     String threadTs) {
        var channel = conversations.find(channelRef);
        var posted = conversations.post(Message.posted(channel.id(), timestamps.next(), user, botId, text, blocks,
                threadTs == null || threadTs.isBlank() ? null : threadTs));
        changed();
        return posted;
    }

    /** chat.update: only the bot's own messages, as Slack allows a bot. */
    public synchronized Message update(String channelRef, String ts, String text, JsonArray blocks) {
        var channel = conversations.find(channelRef);
        var message = conversations.find(channel.id(), ts);
        if (message == null) {
            throw new SlackRefusal("message_not_found");
        }
        if (message.botId() == null) {
            throw new SlackRefusal("cant_update_message");
        }
        var updated = message.edited(text, blocks);
        conversations.replace(message, updated);
        changed();
        return updated;
    }

    public synchronized void delete(String channelRef, String ts) {
        var message = message(channelRef, ts);
        conversations.delete(message);
        changed();
    }

    public synchronized Message postEphemeral(String channelRef, String user, String text, JsonArray blocks) {
        var channel = conversations.find(channelRef);
        person(user);
        var message = Message.posted(channel.id(), timestamps.next(), BOT_USER_ID, BOT_ID, text, blocks, null);
        conversations.addEphemeral(new Ephemeral(user, message));
        changed();
        return message;
    }

    /** response_url's replace_original / delete_original on an ephemeral; false when none has that ts. */
    public synchronized boolean replaceEphemeral(String user, String ts, String text, JsonArray blocks, boolean delete) {
        boolean found = conversations.replaceEphemeral(user, ts, text, blocks, delete);
        if (found) {
            changed();
        }
        return found;
    }

    /** Adds or removes {@code user}'s reaction; Slack's already_reacted / no_reaction when nothing would change. */
    public synchronized Message react(String channelRef, String ts, String name, String user, boolean add) {
        var message = message(channelRef, ts);
        var reactions = new LinkedHashMap<String, List<String>>(message.reactions());
        var users = new ArrayList<>(reactions.getOrDefault(name, List.of()));
        if (add == users.contains(user)) {
            throw new SlackRefusal(add ? "already_reacted" : "no_reaction");
        }
        if (add) {
            users.add(user);
        } else {
            users.remove(user);
        }
        if (users.isEmpty()) {
            reactions.remove(name);
        } else {
            reactions.put(name, users);
        }
        var updated = message.withReactions(reactions);
        conversations.replace(message, updated);
        changed();
        return updated;
    }

    // ---- views ----

    public synchronized OpenView openModal(String user, JsonObject view) {
        var opened = views.open(user, view);
        changed();
        return opened;
    }

    public synchronized OpenView pushModal(String user, JsonObject view) {
        var pushed = views.push(user, view);
        changed();
        return pushed;
    }

    public synchronized OpenView updateView(String viewId, String externalId, String hash, JsonObject view) {
        var updated = views.update(viewId, externalId, hash, view);
        changed();
        return updated;
    }

    public synchronized OpenView publishHome(String user, String hash, JsonObject view) {
        var published = views.publish(user, hash, view);
        changed();
        return published;
    }

    /** Keeps what the person typed, so the next interaction sends it in the view's state. */
    public synchronized OpenView keepValues(String viewId, JsonObject values) {
        var current = view(viewId);
        var updated = current.withValues(values);
        views.replace(current, updated);
        changed();
        return updated;
    }

    public synchronized void showErrors(String viewId, Map<String, String> errors) {
        var current = view(viewId);
        views.replace(current, current.withErrors(errors));
        changed();
    }

    public synchronized void closeTopModal(String user) {
        views.closeTop(user);
        changed();
    }

    public synchronized void clearModals(String user) {
        views.clear(user);
        changed();
    }

    // ---- triggers ----

    /** A trigger_id for an interaction of {@code user}, good for 3 seconds of real time. */
    public synchronized String issueTrigger(String user) {
        return triggers.issue(user);
    }

    /** The person a trigger was issued for; refused when unknown or expired, as Slack does. */
    public synchronized String userOfTrigger(String triggerId) {
        return triggers.userOf(triggerId);
    }

    // ---- directory ----

    /** Replaces the people and groups (the page edits them), when valid; everyone gets a DM with the bot. */
    public synchronized void replaceDirectory(List<Person> newPeople, List<Group> newGroups) {
        directory.replace(newPeople, newGroups);
        newPeople.forEach(p -> conversations.add(new Channel("D" + p.id().substring(1), BOT_NAME, true, p.id(), null)));
        changed();
    }

    // ---- errors and subscribers ----

    public synchronized void recordError(String method, String error, String detail) {
        errors.add(new ApiError(clock.instant(), method, error, detail));
        changed();
    }

    /** Told the new version after every change; returns what cancels the subscription. */
    public Runnable subscribe(LongConsumer subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** The bot's clock moved: the page shows the new time (and whatever the timers that fired did). */
    public synchronized void clockMoved() {
        changed();
    }

    public Instant now() {
        return clock.instant();
    }

    private void changed() {
        version++;
        long current = version;
        subscribers.forEach(s -> s.accept(current));
    }
}
