package io.impactproof.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    @Test
    void computes_a_value_once_and_keeps_it() {
        final BoundedCache<String, Integer> cache = new BoundedCache<>(4);
        final AtomicInteger loads = new AtomicInteger();

        assertThat(cache.get("abc", k -> loads.incrementAndGet() + k.length())).isEqualTo(4);
        assertThat(cache.get("abc", k -> loads.incrementAndGet() + k.length())).isEqualTo(4);
        assertThat(loads).hasValue(1);
    }

    @Test
    void never_holds_more_than_its_capacity() {
        final BoundedCache<Integer, Integer> cache = new BoundedCache<>(3);
        for (int i = 0; i < 10; i++) {
            cache.get(i, k -> k * 2);
            assertThat(cache.size()).isBetween(1, 3);
        }
        assertThat(cache.get(9, k -> -1)).isEqualTo(18);
    }

    @Test
    void keeps_nothing_when_the_load_fails() {
        final BoundedCache<String, String> cache = new BoundedCache<>(3);

        assertThatThrownBy(() -> cache.get("bad", k -> {
                    throw new IllegalStateException("refused");
                }))
                .hasMessage("refused");
        assertThat(cache.size()).isZero();
        assertThat(cache.get("bad", k -> "now")).isEqualTo("now");
    }
}
