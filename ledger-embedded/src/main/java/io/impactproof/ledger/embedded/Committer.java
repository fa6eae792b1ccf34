package io.impactproof.ledger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ordering step: one thread takes what is waiting, in arrival order, and hands it on as one
 * group — whatever arrived while the previous group was being forced to disk (so the fsync is
 * shared by every transaction that waited for it), at most {@link #MAX_GROUP}. Thread-safe.
 */
final class Committer<T> implements AutoCloseable {
    /** Transactions per group, so that one group's blocks stay a bounded write. */
    static final int MAX_GROUP = 500;

    private static final Logger LOG = Logger.getLogger(Committer.class.getName());

    private final LinkedBlockingQueue<T> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<T>> commit;
    private final Thread thread;
    private volatile boolean closed;

    Committer(final String name, final Consumer<List<T>> commit) {
        this.commit = commit;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the item; false if the committer is closed (the item will not be handed on). */
    boolean order(final T item) {
        queue.add(item);
        // Closed meanwhile: either the item is still here (taken back, refused by the caller) or the
        // committer's last drain has it (and answers it).
        return !(closed && queue.remove(item));
    }

    private void run() {
        final List<T> group = new ArrayList<>();
        while (!closed) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                commit.accept(group);
            } catch (RuntimeException e) {
                // The commit step answers every item itself, even when it fails; this is a bug.
                LOG.log(Level.SEVERE, "the committer failed on a group of " + group.size(), e);
            }
            group.clear();
        }
        // Whatever still waits is answered by the consumer as closed.
        queue.drainTo(group);
        if (!group.isEmpty()) {
            commit.accept(group);
        }
    }

    /** Stops after the group in progress; what is still queued is handed on once more (to be refused). */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
