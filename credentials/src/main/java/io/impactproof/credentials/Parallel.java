package io.impactproof.credentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Maps a list on all cores, for CPU-bound batches (verifying or signing credentials), keeping its
 * order. Unlike a parallel stream, a caller with nothing left to take sleeps instead of scanning for
 * work: on two cores, concurrent parallel streams (HTTP requests verifying their batches, the agents
 * signing theirs) spent about a sixth of the CPU spinning in {@code ForkJoinPool.helpComplete} (the
 * load test's flight recording, 2026-12-03). The caller takes items too, so a call never waits for a
 * busy pool, nested calls included: an item no helper took, the caller does itself.
 */
public final class Parallel {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ExecutorService HELPERS = Executors.newFixedThreadPool(Math.max(1, CORES), r -> {
        final Thread thread = new Thread(r, "parallel-helper");
        thread.setDaemon(true);
        return thread;
    });

    private Parallel() {}

    /**
     * {@code function} applied to every item, result {@code i} for item {@code i}. If it throws for
     * some items, all the others are still done and the failure of the first such item is thrown.
     */
    public static <T, R> List<R> map(final List<T> items, final Function<? super T, ? extends R> function) {
        final int n = items.size();
        if (n < 2 || CORES < 2) {
            final List<R> out = new ArrayList<>(n);
            items.forEach(item -> out.add(function.apply(item)));
            return out;
        }
        final Object[] results = new Object[n];
        final Throwable[] failures = new Throwable[n];
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch done = new CountDownLatch(n);
        final Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = function.apply(items.get(i));
                } catch (Throwable e) { // handed to the caller, as if it had run the item itself
                    failures[i] = e;
                } finally {
                    done.countDown();
                }
            }
        };
        for (int h = Math.min(n, CORES) - 1; h > 0; h--) {
            HELPERS.execute(work);
        }
        work.run();
        awaitUninterruptibly(done);
        for (final Throwable failure : failures) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
        @SuppressWarnings("unchecked")
        final List<R> out = (List<R>) java.util.Collections.unmodifiableList(Arrays.asList(results));
        return out;
    }

    /** Items already taken finish whatever happens: waits for them, then restores an interrupt. */
    private static void awaitUninterruptibly(final CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
