package dev.recruitdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on {@code data/recruitdesk.lock}, held for the life of the process, so that a second console
 * on the same folder is refused with a clear message before H2 is touched. The OS drops the lock when the
 * process dies, so a crash never leaves a stale lock behind.
 */
public final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock or throws {@link DatabaseInUseException} naming the folder and the owner's pid. */
    public static DataFolderLock acquire(Path dataFolder) {
        Path file = dataFolder.resolve("recruitdesk.lock");
        try {
            Files.createDirectories(dataFolder);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                channel.close();
                throw new DatabaseInUseException(alreadyRunning(dataFolder, owner));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on "
                    + ManagementFactory.getRuntimeMXBean().getName()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    static String alreadyRunning(Path dataFolder, String owner) {
        return "RecruitDesk is already running with this data folder (" + dataFolder.toAbsolutePath()
                + (owner.isEmpty() ? "" : ", " + owner) + ")";
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
