package io.impactproof.gateway.events;

import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.Subscription;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream: the ledger's subscription offers events to a bounded buffer, and a sender
 * on the shared pool writes them out, so a slow client holds no commit and no more than
 * {@code buffer} events of memory here. A full buffer holds the subscription's own delivery (a
 * replay then reads the blocks at the client's pace) for at most a given lag; a client still
 * behind then has its stream ended, and resumes with {@code Last-Event-ID}. Thread-safe.
 */
final class EventStream {
    /** A comment line every so often: a client that went away is found out at the write. */
    private static final Object HEARTBEAT = new Object();
    /** Where a stream's events go: the client's connection. Called by one sender at a time. */
    interface Sink {
        void send(LedgerEvent event) throws IOException;

        void heartbeat() throws IOException;

        /** Ends the response; called once. */
        void complete();
    }

    private final Sink sink;
    private final Duration lag;
    private final Set<String> names;
    private final BlockingQueue<Object> queue;
    private final Executor senders;
    private final java.util.function.Consumer<EventStream> onEnd;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();

    /**
     * @param lag how long the ledger's delivery waits for room in a full buffer before the stream
     *     is ended
     */
    EventStream(
            final Sink sink,
            final Set<String> names,
            final int buffer,
            final Duration lag,
            final Executor senders,
            final java.util.function.Consumer<EventStream> onEnd) {
        this.sink = sink;
        this.names = names;
        this.queue = new ArrayBlockingQueue<>(buffer);
        this.lag = lag;
        this.senders = senders;
        this.onEnd = onEnd;
    }

    /** The stream to a Server-Sent Events response; the response's end (or failure) ends it. */
    static EventStream toEmitter(
            final SseEmitter emitter,
            final Set<String> names,
            final int buffer,
            final Duration lag,
            final Executor senders,
            final java.util.function.Consumer<EventStream> onEnd) {
        final EventStream stream = new EventStream(new EmitterSink(emitter), names, buffer, lag, senders, onEnd);
        emitter.onCompletion(stream::end);
        emitter.onTimeout(stream::end);
        emitter.onError(e -> stream.end());
        return stream;
    }

    private record EmitterSink(SseEmitter emitter) implements Sink {
        @Override
        public void send(final LedgerEvent event) throws IOException {
            // The payload is the chaincode's compact JSON: one line, as an SSE data field must be.
            emitter.send(SseEmitter.event()
                    .id(event.checkpoint().toString())
                    .name(event.name())
                    .data(new String(event.payload(), StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        }

        @Override
        public void heartbeat() throws IOException {
            emitter.send(SseEmitter.event().comment(""));
        }

        @Override
        public void complete() {
            try {
                emitter.complete();
            } catch (IllegalStateException e) {
                // already completed by the container
            }
        }
    }

    /** The subscription feeding this stream, closed when the stream ends (even if it ended first). */
    void feedBy(final Subscription feed) {
        subscription.set(feed);
        if (ended.get()) {
            feed.close();
        }
    }

    /** Called on the ledger's delivery thread, in ledger order. */
    void offer(final LedgerEvent event) {
        if (names.isEmpty() || names.contains(event.name())) {
            enqueue(event);
        }
    }

    void heartbeat() {
        // A full buffer already has a write pending: that one finds out whether the client is there.
        queue.offer(HEARTBEAT);
        send();
    }

    boolean ended() {
        return ended.get();
    }

    private void enqueue(final LedgerEvent event) {
        // Waiting holds the ledger's delivery to this stream only: a replay then reads the block
        // file at the client's pace; live events wait in the port's queue meanwhile, so the wait
        // is bounded and a client that stays behind has its stream ended instead.
        final long deadline = System.nanoTime() + lag.toNanos();
        try {
            while (!ended.get()) {
                if (queue.offer(event, 100, TimeUnit.MILLISECONDS)) {
                    send();
                    return;
                }
                // A full buffer has its sender running: drain() sends again for what is left.
                if (System.nanoTime() - deadline > 0) {
                    end(); // too far behind: the client resumes from its last event id
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end();
        }
    }

    private void send() {
        if (!ended.get() && sending.compareAndSet(false, true)) {
            senders.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Object item;
            while (!ended.get() && (item = queue.poll()) != null) {
                if (item == HEARTBEAT) {
                    sink.heartbeat();
                } else {
                    sink.send((LedgerEvent) item);
                }
            }
        } catch (IOException | IllegalStateException e) {
            end(); // the client went away, or the response was completed meanwhile
        } finally {
            sending.set(false);
        }
        if (!queue.isEmpty()) {
            send(); // offered after the last poll, before the flag was cleared
        }
    }

    void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        final Subscription feed = subscription.get();
        if (feed != null) {
            feed.close();
        }
        queue.clear();
        sink.complete();
        onEnd.accept(this);
    }
}
