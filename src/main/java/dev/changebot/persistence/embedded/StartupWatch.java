package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the server's log while it starts. The library keeps polling for a server until its
 * start-up wait is over even when pg_ctl has already said the server could not start; this ends
 * that wait at once (by interrupting the starting thread, which the library treats as the end of
 * its wait), and keeps what the server said during this start for the error message.
 */
final class StartupWatch implements AutoCloseable {

    private static final String GAVE_UP = "could not start server";

    private final Path log;
    private final long offset;
    private final AtomicBoolean failed = new AtomicBoolean();
    private final AtomicBoolean done = new AtomicBoolean();

    StartupWatch(Path log) {
        this.log = log;
        long size;
        try {
            size = Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            size = 0;
        }
        this.offset = size;
    }

    /** From the thread that starts the server, just before it does. */
    void watchFromHere() {
        var starter = Thread.currentThread();
        var watcher = new Thread(() -> {
            while (!done.get()) {
                if (output().contains(GAVE_UP)) {
                    failed.set(true);
                    starter.interrupt();
                    return;
                }
                LockSupport.parkNanos(100_000_000);
            }
        }, "embedded-postgres-startup-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Whether pg_ctl gave up; clears the interrupt this watch caused. */
    boolean serverGaveUp() {
        done.set(true);
        if (failed.get()) {
            Thread.interrupted();
            return true;
        }
        return false;
    }

    /** What the server and its tools wrote during this start, the telling lines first. */
    String explanation() {
        var lines = output().lines().filter(l -> !l.isBlank()).toList();
        var telling = lines.stream().filter(l -> l.contains("FATAL") || l.contains("PANIC") || l.contains("ERROR")
                || l.contains("could not") || l.startsWith("postgres:") || l.startsWith("initdb:")).limit(8).toList();
        List<String> shown = telling.isEmpty() ? lines.subList(Math.max(0, lines.size() - 5), lines.size()) : telling;
        return shown.isEmpty() ? "Its log " + log + " says nothing. "
                : "Its log " + log + " says: " + String.join(" | ", shown) + ". ";
    }

    private String output() {
        try (var file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return "";
            }
            var bytes = new byte[(int) Math.min(length - offset, 64 * 1024)];
            file.seek(offset);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        done.set(true);
    }
}
