package io.impactproof.gateway.footprint;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * CPU time measured per kind of work, in the thread that did it ({@link ThreadMXBean}: the time
 * the operating system charged the thread, not wall time, so waiting on a disk or a peer costs
 * nothing here). Thread-safe.
 */
public final class CpuMeter {
    /** The agents' signing work, beside the ledger's transaction kinds. */
    public static final String SIGN_ATTESTATION = "sign:attestation";

    public static final String SIGN_CERTIFICATE = "sign:certificate";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, Counter> kinds = new ConcurrentHashMap<>();
    private final boolean enabled;

    private CpuMeter(final boolean enabled) {
        this.enabled = enabled && THREADS.isCurrentThreadCpuTimeSupported();
        if (this.enabled && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    public static CpuMeter measuring() {
        return new CpuMeter(true);
    }

    /** A meter that measures nothing (the demo's own agents, tests). */
    public static CpuMeter discarding() {
        return new CpuMeter(false);
    }

    /** Runs {@code work}, charging its CPU time to {@code kind} with {@code items(result)} items. */
    public <T> T measure(final String kind, final Supplier<T> work, final ToIntFunction<T> items) {
        if (!enabled) {
            return work.get();
        }
        final long start = THREADS.getCurrentThreadCpuTime();
        final T result = work.get();
        final long nanos = THREADS.getCurrentThreadCpuTime() - start;
        record(kind, nanos, items.applyAsInt(result));
        return result;
    }

    void record(final String kind, final long cpuNanos, final int items) {
        final Counter counter = kinds.computeIfAbsent(kind, k -> new Counter());
        counter.runs.increment();
        counter.items.add(items);
        counter.cpuNanos.add(cpuNanos);
    }

    /** Everything measured so far, by kind (sorted). */
    public Map<String, Usage> snapshot() {
        final Map<String, Usage> out = new TreeMap<>();
        kinds.forEach((kind, c) -> out.put(kind, new Usage(c.runs.sum(), c.items.sum(), c.cpuNanos.sum())));
        return out;
    }

    /**
     * @param runs how many times the work ran (transactions, for a ledger call)
     * @param items how many items they carried (claims in a batch, attestations, certificates)
     */
    public record Usage(long runs, long items, long cpuNanos) {
        public double cpuSeconds() {
            return cpuNanos / 1e9;
        }
    }

    private static final class Counter {
        final LongAdder runs = new LongAdder();
        final LongAdder items = new LongAdder();
        final LongAdder cpuNanos = new LongAdder();
    }
}
