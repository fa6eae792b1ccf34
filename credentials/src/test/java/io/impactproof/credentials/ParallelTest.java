package io.impactproof.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @Test
    void maps_every_item_once_in_order_on_more_than_one_thread() {
        final List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
        final AtomicInteger calls = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        final List<String> out = Parallel.map(items, i -> {
            calls.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            busy();
            return "#" + i;
        });

        assertThat(out).isEqualTo(items.stream().map(i -> "#" + i).toList());
        assertThat(calls).hasValue(2_000);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(threads).as("the caller and a helper").hasSizeGreaterThan(1);
        }
    }

    @Test
    void the_first_failing_item_is_thrown_once_every_other_item_is_done() {
        final AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> Parallel.map(IntStream.range(0, 500).boxed().toList(), i -> {
                    if (i == 77 || i == 400) {
                        throw new IllegalArgumentException("item " + i);
                    }
                    done.incrementAndGet();
                    return i;
                }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 77");
        assertThat(done).hasValue(498);
    }

    @Test
    void nested_and_concurrent_calls_finish_even_with_every_helper_busy() throws Exception {
        final List<Integer> outer = IntStream.range(0, 16).boxed().toList();
        final Thread[] callers = new Thread[6];
        final List<List<Integer>> results = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int c = 0; c < callers.length; c++) {
            callers[c] = new Thread(() -> results.add(Parallel.map(
                    outer,
                    i -> Parallel.map(outer, j -> {
                                busy();
                                return i * j;
                            })
                            .stream()
                            .mapToInt(Integer::intValue)
                            .sum())));
            callers[c].start();
        }
        for (final Thread caller : callers) {
            caller.join(60_000);
            assertThat(caller.isAlive()).as("no caller waits for ever").isFalse();
        }
        final List<Integer> expected = outer.stream().map(i -> i * 120).toList();
        assertThat(results).hasSize(6).allSatisfy(r -> assertThat(r).isEqualTo(expected));
    }

    private static void busy() {
        long x = 0;
        for (int k = 0; k < 20_000; k++) {
            x += k * 31L;
        }
        if (x == 42) {
            throw new AssertionError();
        }
    }
}
