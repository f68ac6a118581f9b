package dev.changebot.persistence.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;

/**
 * One Changebot per data directory. The operating system releases the lock when its holder dies,
 * however it dies, so holding it also proves that a server still running on the directory is an
 * orphan of a dead run, safe to stop.
 */
final class DirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(DataDirectory directory) {
        return tryAcquire(directory).orElseThrow(() -> DataDirectory.unusable(directory.root(),
                "another Changebot process is running on it (the bot, or a command such as `audit verify` using its"
                        + " database while the bot is stopped)",
                "stop that process or wait for the command to finish, or give this one its own CHANGEBOT_DATA_DIR"));
    }

    /** The lock, or empty when another process (or this JVM) holds it. */
    static java.util.Optional<DirectoryLock> tryAcquire(DataDirectory directory) {
        var file = directory.root().resolve("changebot.lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            var lock = channel.tryLock();
            if (lock != null) {
                return java.util.Optional.of(new DirectoryLock(channel, lock));
            }
        } catch (OverlappingFileLockException held) {
            // Held by this very JVM: held all the same.
        } catch (IOException e) {
            closeQuietly(channel);
            throw DataDirectory.unusable(directory.root(), "its lock file " + file + " cannot be opened (" + e + ")",
                    "make the directory writable by the user running Changebot");
        }
        closeQuietly(channel);
        return java.util.Optional.empty();
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing held any more.
        }
    }
}
