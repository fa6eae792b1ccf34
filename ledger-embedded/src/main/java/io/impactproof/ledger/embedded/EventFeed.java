package io.impactproof.ledger.embedded;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.Subscription;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One subscription's delivery: the committed events after its checkpoint read back from the block
 * file, then the live ones queued by the committing thread, delivered in order on a thread of its
 * own so a slow consumer never holds a commit. Thread-safe.
 */
final class EventFeed implements Subscription {
    private static final Logger LOG = Logger.getLogger(EventFeed.class.getName());
    private static final LedgerEvent END = new LedgerEvent(-1, -1, "", "", new byte[0]);

    /** Reads committed events of blocks [from, to) into a sink. */
    interface Replay {
        void read(long from, long to, Consumer<LedgerEvent> sink);
    }

    private final Consumer<LedgerEvent> listener;
    private final Checkpoint after;
    private final long liveFrom;
    private final Replay replay;
    private final Consumer<EventFeed> onClose;
    private final BlockingQueue<LedgerEvent> live = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    EventFeed(
            final Consumer<LedgerEvent> listener,
            final Checkpoint after,
            final long liveFrom,
            final Replay replay,
            final Consumer<EventFeed> onClose) {
        this.listener = listener;
        this.after = after;
        this.liveFrom = liveFrom;
        this.replay = replay;
        this.onClose = onClose;
        this.thread = new Thread(this::run, "impactproof-events");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Called by the committing thread, in block order. */
    void live(final LedgerEvent event) {
        if (!closed) {
            live.add(event);
        }
    }

    private void run() {
        try {
            replay.read(after.block() + 1, liveFrom, this::deliver);
            while (!closed) {
                final LedgerEvent event = live.take();
                if (event == END) {
                    return;
                }
                deliver(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "the event feed stopped", e);
        }
    }

    private void deliver(final LedgerEvent event) {
        if (closed || !after.precedes(event.block(), event.transaction())) {
            return;
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an event listener failed on block " + event.block(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        live.add(END);
        onClose.accept(this);
    }
}
