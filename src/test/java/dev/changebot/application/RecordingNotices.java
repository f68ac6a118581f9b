package dev.changebot.application;

import dev.changebot.application.port.Notices;
import dev.changebot.domain.notice.Notice;
import java.util.ArrayList;
import java.util.List;

/** Keeps every notice sent, in order, instead of queuing it for Slack. */
public class RecordingNotices implements Notices {

    private final List<Notice> sent = new ArrayList<>();

    @Override
    public void send(Notice notice) {
        sent.add(notice);
    }

    public List<Notice> sent() {
        return List.copyOf(sent);
    }
}
