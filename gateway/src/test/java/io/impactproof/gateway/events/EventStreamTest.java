package io.impactproof.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.client.ledger.LedgerEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream's buffer between the ledger's delivery and a client: a slow client gets every event in
 * order (the delivery waits for room), a stuck one has its stream ended within the lag and its
 * subscription closed, and a broken connection ends the stream.
 */
class EventStreamTest {
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final AtomicInteger ends = new AtomicInteger();
    private final AtomicInteger closedFeeds = new AtomicInteger();

    @AfterEach
    void stop() {
        senders.shutdownNow();
    }

    /** A client's connection as the stream sees it, writing at a given pace. */
    private static final class Client implements EventStream.Sink {
        final List<LedgerEvent> received = new CopyOnWriteArrayList<>();
        final AtomicInteger completed = new AtomicInteger();
        final CountDownLatch unblock = new CountDownLatch(1);
        final long pauseMillis;
        final boolean stuck;
        final boolean broken;

        Client(final long pauseMillis, final boolean stuck, final boolean broken) {
            this.pauseMillis = pauseMillis;
            this.stuck = stuck;
            this.broken = broken;
        }

        @Override
        public void send(final LedgerEvent event) throws IOException {
            if (broken) {
                throw new IOException("Broken pipe");
            }
            try {
                if (stuck) {
                    unblock.await();
                } else if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            received.add(event);
        }

        @Override
        public void heartbeat() {}

        @Override
        public void complete() {
            completed.incrementAndGet();
            unblock.countDown();
        }
    }

    private EventStream stream(final Client client, final Set<String> names, final int buffer, final Duration lag) {
        final EventStream stream =
                new EventStream(client, names, buffer, lag, senders, ended -> ends.incrementAndGet());
        stream.feedBy(closedFeeds::incrementAndGet);
        return stream;
    }

    private static LedgerEvent event(final int i) {
        return new LedgerEvent(
                i / 3, i % 3, "tx" + i, i % 2 == 0 ? "ClaimsSubmitted" : "CertificatesIssued", new byte[0]);
    }

    @Test
    void a_slow_client_gets_every_event_in_order_as_the_delivery_waits_for_room() throws Exception {
        final Client client = new Client(1, false, false);
        final EventStream stream = stream(client, Set.of(), 8, Duration.ofSeconds(10));
        final List<String> offered = new ArrayList<>();
        final long began = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            final LedgerEvent event = event(i);
            offered.add(event.txId());
            stream.offer(event);
        }
        final long offering = System.nanoTime() - began;
        awaitSize(client, offered.size());
        assertThat(client.received).extracting(LedgerEvent::txId).containsExactlyElementsOf(offered);
        // 300 events at 1 ms each through a buffer of 8: the delivery was held, not let run ahead.
        assertThat(offering).isGreaterThan(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(stream.ended()).isFalse();
        assertThat(closedFeeds.get()).isZero();
    }

    @Test
    void only_the_named_events_are_sent() throws Exception {
        final Client client = new Client(0, false, false);
        final EventStream stream = stream(client, Set.of("CertificatesIssued"), 8, Duration.ofSeconds(10));
        for (int i = 0; i < 20; i++) {
            stream.offer(event(i));
        }
        awaitSize(client, 10);
        Thread.sleep(50);
        assertThat(client.received).hasSize(10).allMatch(e -> e.name().equals("CertificatesIssued"));
    }

    @Test
    void a_stuck_client_has_its_stream_ended_within_the_lag_and_its_subscription_closed() {
        final Client client = new Client(0, true, false);
        final EventStream stream = stream(client, Set.of(), 4, Duration.ofMillis(300));
        final long began = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            stream.offer(event(i)); // returns once the stream has ended
        }
        final long held = System.nanoTime() - began;
        assertThat(stream.ended()).isTrue();
        assertThat(held).isBetween(TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.SECONDS.toNanos(5));
        assertThat(closedFeeds.get()).isEqualTo(1);
        assertThat(ends.get()).isEqualTo(1);
        assertThat(client.completed.get()).isEqualTo(1);
        stream.end(); // again: nothing more happens
        assertThat(ends.get()).isEqualTo(1);
        assertThat(client.completed.get()).isEqualTo(1);
    }

    @Test
    void a_broken_connection_ends_the_stream_and_its_subscription() throws Exception {
        final Client client = new Client(0, false, true);
        final EventStream stream = stream(client, Set.of(), 8, Duration.ofSeconds(10));
        stream.offer(event(0));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stream.ended() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(stream.ended()).isTrue();
        assertThat(closedFeeds.get()).isEqualTo(1);
        assertThat(ends.get()).isEqualTo(1);
        stream.offer(event(1)); // after the end: dropped, no wait
        assertThat(client.received).isEmpty();
    }

    private static void awaitSize(final Client client, final int size) throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.received.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(client.received).hasSize(size);
    }
}
