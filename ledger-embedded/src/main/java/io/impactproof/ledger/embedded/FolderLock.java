package io.impactproof.ledger.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a ledger folder, held while the ledger is open: two writers on one block file
 * would interleave blocks and lose acknowledged ones. The lock file names the process holding it.
 * The operating system releases the lock when the process dies, so a crash never leaves it behind.
 */
final class FolderLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(final FileChannel channel, final FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(final Path directory) throws IOException {
        Files.createDirectories(directory);
        final Path file = directory.resolve("lock");
        final FileChannel channel =
                FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        final FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new LedgerLockedException(directory, "this process");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            final String holder = holder(channel);
            channel.close();
            throw new LedgerLockedException(directory, holder);
        }
        channel.truncate(0);
        channel.write(
                ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new FolderLock(channel, lock);
    }

    private static String holder(final FileChannel channel) {
        try {
            final ByteBuffer buffer = ByteBuffer.allocate(64);
            channel.read(buffer, 0);
            final String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "another process" : "another process (" + text + ")";
        } catch (IOException e) {
            return "another process";
        }
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
