package io.impactproof.cli;

import io.impactproof.client.events.EventStreamReader;
import io.impactproof.client.events.ServerSentEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Wakes an agent as soon as the registry's ledger emits an event that may mean work for it, read
 * from the gateway's event stream ({@code GET /events?name=…}), instead of waiting out its polling
 * interval. The events only say that there may be work: the agent still reads what is left from the
 * ledger, so a missed event costs one interval, never a claim. The stream is reopened after its
 * last event; each reopening wakes the agent once, for what may have happened meanwhile.
 * Thread-safe.
 */
final class Wakeups implements AutoCloseable, EventStreamReader.Listener {
    private EventStreamReader reader;
    // Guarded by this.
    private boolean due;
    private boolean closed;

    private Wakeups() {}

    /** Follows the registry's events of these names from now on, on a thread of its own. */
    static Wakeups start(final URI registry, final Set<String> names) {
        final Wakeups wakeups = new Wakeups();
        wakeups.reader = EventStreamReader.start(
                registry.resolve("/events?name=" + URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8)),
                wakeups);
        return wakeups;
    }

    /**
     * Returns at once if an awaited event came since the last call, else when one comes or {@code
     * longest} has passed.
     */
    synchronized void await(final Duration longest) throws InterruptedException {
        final long deadline = System.nanoTime() + longest.toNanos();
        long left;
        while (!due && !closed && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        due = false;
    }

    @Override
    public synchronized void event(final ServerSentEvent event) {
        due = true; // the stream carries only the names asked for
        notifyAll();
    }

    @Override
    public void reopened() {
        event(null);
    }

    @Override
    public void close() {
        reader.close();
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }
}
