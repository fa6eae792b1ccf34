package io.impactproof.gateway.events;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The ledger's events (claims submitted, attestations recorded, certificates issued and activated,
 * and every other the chaincode emits) as Server-Sent Events, each with its ledger position as
 * its id: a client that follows thousands of claims reads one stream instead of polling each, and
 * after a disconnect resumes with {@code Last-Event-ID}, neither missing nor repeating an event.
 * The events carry what the ledger's public records do (ids, statuses, serials), no personal data.
 */
@RestController
@Tag(name = "events", description = "The ledger's events as a stream, resumable from any position")
public class EventStreamController implements DisposableBean {
    /** Streams one node serves at once; each holds a connection, a ledger subscription and its buffer. */
    public static final int MAX_STREAMS = 64;
    /** Events a client may lag behind before its stream is ended (it resumes from its last id). */
    static final int BUFFER = 1024;
    /** How long a client may keep the buffer full before its stream is ended. */
    static final Duration LAG = Duration.ofSeconds(5);
    /** A stream's lifetime; an EventSource reconnects by itself with its last id. */
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final Duration RECONNECT = Duration.ofSeconds(1);
    private static final int MAX_NAMES = 32;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private final LedgerPort ledger;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<EventStream> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
        final Thread t = new Thread(r, "impactproof-event-stream");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread t = new Thread(r, "impactproof-event-heartbeat");
        t.setDaemon(true);
        return t;
    });

    EventStreamController(
            final LedgerPort ledger,
            final MeterRegistry meters,
            @Value("${impactproof.events.heartbeat:PT15S}") final Duration heartbeat) {
        this.ledger = ledger;
        Gauge.builder("impactproof.events.streams", open, AtomicInteger::get)
                .description("Event streams this node serves now (at most " + MAX_STREAMS + ")")
                .register(meters);
        heartbeats.scheduleWithFixedDelay(
                () -> streams.forEach(EventStream::heartbeat),
                heartbeat.toMillis(),
                heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The ledger's events as Server-Sent Events (id: block:transaction, event: its name, data:"
                    + " its JSON); from now, or after the position in Last-Event-ID or ?after= (-1:-1: from the"
                    + " first block); ?name= (repeatable) keeps only those events")
    SseEmitter events(
            final HttpServletRequest request,
            @RequestParam(name = "after", required = false) final String after,
            @RequestHeader(name = "Last-Event-ID", required = false) final String lastEventId) {
        // Read raw: bound to a List, "?name=" would become no filter at all (every event).
        final Set<String> wanted = names(request.getParameterValues("name"));
        final Checkpoint from = from(lastEventId != null ? lastEventId : after);
        if (open.incrementAndGet() > MAX_STREAMS) {
            open.decrementAndGet();
            throw new ApiException(
                    ApiError.EVENT_STREAMS_BUSY, "this node serves " + MAX_STREAMS + " event streams already");
        }
        final SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        final EventStream stream = EventStream.toEmitter(emitter, wanted, BUFFER, LAG, senders, ended -> {
            streams.remove(ended);
            open.decrementAndGet();
        });
        streams.add(stream);
        try {
            // A first frame, so the response (its headers) goes out now, not with the first event;
            // it tells an EventSource how soon to reconnect. Spring holds it until the response starts.
            emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()));
            stream.feedBy(ledger.subscribe(from, stream::offer));
        } catch (java.io.IOException e) {
            stream.end();
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            stream.end();
            throw e;
        }
        return emitter;
    }

    private static Set<String> names(final String[] names) {
        if (names == null) {
            return Set.of();
        }
        final Set<String> wanted = new LinkedHashSet<>();
        for (final String list : names) {
            for (final String name : list.split(",", -1)) {
                if (!NAME.matcher(name.trim()).matches()) {
                    throw new ApiException(
                            ApiError.PARAMETER_INVALID, "an event name is a letter and up to 63 letters or digits");
                }
                wanted.add(name.trim());
            }
        }
        if (wanted.size() > MAX_NAMES) {
            throw new ApiException(ApiError.PARAMETER_INVALID, "at most " + MAX_NAMES + " event names");
        }
        return Set.copyOf(wanted);
    }

    /** The position to stream after: the one given, or the last event committed so far. */
    private Checkpoint from(final String given) {
        final long last = ledger.info().height() - 1;
        if (given == null || given.isBlank()) {
            return new Checkpoint(last, Integer.MAX_VALUE);
        }
        final Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.parse(given);
        } catch (IllegalArgumentException e) { // NumberFormatException included
            throw new ApiException(
                    ApiError.PARAMETER_INVALID, "an event position is <block>:<transaction>, as an event's id");
        }
        if (checkpoint.block() < -1 || checkpoint.transaction() < -1) {
            throw new ApiException(ApiError.PARAMETER_INVALID, "an event position is -1:-1 or after");
        }
        if (checkpoint.block() > last) {
            throw new ApiException(
                    ApiError.PARAMETER_INVALID,
                    "the position " + checkpoint + " is after this ledger's last block " + last
                            + " (another ledger's, or one reset since?)");
        }
        return checkpoint;
    }

    @Override
    public void destroy() {
        heartbeats.shutdownNow();
        List.copyOf(streams).forEach(EventStream::end);
        senders.shutdownNow();
    }
}
