package dev.changebot.support;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The statement texts PostgreSQL's driver parses (its protocol log), per thread, lower-cased: what a
 * piece of work costs the database, counted where it is sent. {@link #listen} until {@link #close}.
 */
public final class SentStatements extends Handler implements AutoCloseable {

    /** Held: java.util.logging keeps loggers weakly, and a collected one would lose its level. */
    private static final Logger DRIVER = Logger.getLogger("org.postgresql");

    private final List<String> texts = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private Level levelBefore;

    public static SentStatements listen() {
        var sent = new SentStatements();
        sent.levelBefore = DRIVER.getLevel();
        DRIVER.setLevel(Level.FINEST);
        DRIVER.addHandler(sent);
        return sent;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        var message = record.getMessage();
        if (message == null || !message.contains("FE=> Parse(")) {
            return;
        }
        var text = record.getParameters() == null ? message : MessageFormat.format(message, record.getParameters());
        var start = text.indexOf("query=\"");
        var query = start < 0 ? text : text.substring(start + "query=\"".length());
        texts.add(query.strip().toLowerCase(Locale.ROOT));
        threads.add(Thread.currentThread());
    }

    /** What the calling thread sent since {@link #listen}. */
    public synchronized List<String> onThisThread() {
        var mine = new ArrayList<String>();
        for (int i = 0; i < texts.size(); i++) {
            if (threads.get(i) == Thread.currentThread()) {
                mine.add(texts.get(i));
            }
        }
        return mine;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        DRIVER.removeHandler(this);
        DRIVER.setLevel(levelBefore);
    }
}
