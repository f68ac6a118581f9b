package dev.changebot.sandbox.workspace;

/** Someone in the sandbox's workspace, as users.info describes them. */
public record Person(String id, String name, String realName, String title, String tz) {
}
