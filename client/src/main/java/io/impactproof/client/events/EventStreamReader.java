package io.impactproof.client.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Follows a Server-Sent Events stream, e.g. a gateway's {@code GET /events}: parses it as the
 * HTML standard says (fields {@code id}, {@code event}, {@code data}, {@code retry}; comment lines;
 * an event dispatched at a blank line), hands each event to a listener on a thread of its own, and
 * reopens a stream that ended or broke after the last id it saw ({@code Last-Event-ID}, so the
 * gateway neither skips nor repeats an event), pausing 1 s, doubling up to 30 s, while the server
 * cannot serve it. Thread-safe.
 */
public final class EventStreamReader implements AutoCloseable {
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    /** What the reader tells its user, on the reader's thread. */
    public interface Listener {
        void event(ServerSentEvent event);

        /** The stream was opened again after it broke; events missed meanwhile follow (after the last id). */
        default void reopened() {}
    }

    private final HttpClient http;
    private final URI uri;
    private final Listener listener;
    private final Thread thread;
    // Guarded by this.
    private String lastId;
    /** Opened, not yet read; then the one being read. */
    private HttpResponse<Stream<String>> pending;

    private HttpResponse<Stream<String>> active;
    private boolean closed;

    private EventStreamReader(final URI uri, final Listener listener) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.uri = uri;
        this.listener = listener;
        this.thread = new Thread(this::run, "impactproof-event-reader");
        thread.setDaemon(true);
    }

    /**
     * Opens the stream and returns once the server has answered it (an event committed after that
     * reaches the listener); fails if the server refuses it.
     */
    public static EventStreamReader open(final URI uri, final Listener listener)
            throws IOException, InterruptedException {
        final EventStreamReader reader = new EventStreamReader(uri, listener);
        reader.connect();
        reader.thread.start();
        return reader;
    }

    /** Starts following the stream on its own thread without waiting, retrying until it opens. */
    public static EventStreamReader start(final URI uri, final Listener listener) {
        final EventStreamReader reader = new EventStreamReader(uri, listener);
        reader.thread.start();
        return reader;
    }

    /** The id of the last event seen, or null. */
    public synchronized String lastId() {
        return lastId;
    }

    private void connect() throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        final String after = lastId();
        if (after != null) {
            request.header("Last-Event-ID", after);
        }
        final HttpResponse<Stream<String>> opened = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        if (opened.statusCode() != 200) {
            opened.body().close();
            throw new IOException("GET " + uri + ": HTTP " + opened.statusCode());
        }
        synchronized (this) {
            if (closed) {
                opened.body().close();
                return;
            }
            pending = opened;
        }
    }

    private synchronized HttpResponse<Stream<String>> takePending() {
        active = pending;
        pending = null;
        return active;
    }

    private void run() {
        Duration pause = FIRST_PAUSE;
        boolean reopened = false;
        while (!isClosed()) {
            HttpResponse<Stream<String>> next = takePending();
            if (next == null) {
                try {
                    connect();
                } catch (IOException e) {
                    if (!pause(pause)) {
                        return;
                    }
                    final Duration doubled = pause.multipliedBy(2);
                    pause = doubled.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : doubled;
                    continue;
                } catch (InterruptedException e) {
                    return;
                }
                next = takePending();
                if (next == null) {
                    continue; // closed meanwhile
                }
            }
            if (reopened) {
                listener.reopened();
            }
            pause = FIRST_PAUSE;
            try {
                read(next);
            } catch (RuntimeException e) {
                // the connection broke (or the listener failed): reopened below, after the last id
            }
            reopened = true;
            if (!pause(FIRST_PAUSE)) { // a server that ends streams at once is not called in a loop
                return;
            }
        }
    }

    private void read(final HttpResponse<Stream<String>> opened) {
        String id = lastId();
        String name = null;
        final StringBuilder data = new StringBuilder();
        boolean hasData = false;
        try (Stream<String> lines = opened.body()) {
            final Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                final String line = it.next();
                if (line.isEmpty()) {
                    synchronized (this) {
                        lastId = id;
                    }
                    if (hasData) {
                        listener.event(new ServerSentEvent(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data.setLength(0);
                    hasData = false;
                    continue;
                }
                if (line.startsWith(":")) {
                    continue; // a comment, e.g. a heartbeat
                }
                final int colon = line.indexOf(':');
                final String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "id" -> {
                        if (value.indexOf('\0') < 0) {
                            id = value;
                        }
                    }
                    case "event" -> name = value;
                    case "data" -> {
                        if (hasData) {
                            data.append('\n');
                        }
                        data.append(value);
                        hasData = true;
                    }
                    default -> {
                        // "retry" and unknown fields: this reader keeps its own pauses
                    }
                }
            }
        }
    }

    private boolean pause(final Duration pause) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, pause.toNanos());
            } catch (InterruptedException e) {
                return false;
            }
            return !closed;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops following: the connection is closed and the thread ends. */
    @Override
    public void close() {
        final java.util.List<HttpResponse<Stream<String>>> open = new java.util.ArrayList<>(2);
        synchronized (this) {
            closed = true;
            if (pending != null) {
                open.add(pending);
            }
            if (active != null) {
                open.add(active);
            }
            notifyAll();
        }
        open.forEach(r -> r.body().close());
    }
}
