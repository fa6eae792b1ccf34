package io.impactproof.credentials;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A cache of values that are pure functions of their key (a parsed key, a compiled protocol, a
 * verifier for a public key), bounded by emptying it when full: the working set is small, and a
 * cleared cache only costs recomputing. A value is kept only if it was computed; a load that throws
 * leaves nothing behind. Two threads missing the same key may both compute it. Thread-safe.
 *
 * @param <K> the key (never null)
 * @param <V> the value (never null)
 */
public final class BoundedCache<K, V> {
    private final int capacity;
    private final Map<K, V> values = new ConcurrentHashMap<>();

    public BoundedCache(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a cache holds at least one value");
        }
        this.capacity = capacity;
    }

    /** The value for {@code key}, computed by {@code load} and kept when it is not there. */
    public V get(final K key, final Function<? super K, ? extends V> load) {
        final V cached = values.get(key);
        if (cached != null) {
            return cached;
        }
        final V loaded = load.apply(key);
        if (values.size() >= capacity) {
            values.clear();
        }
        values.put(key, loaded);
        return loaded;
    }

    int size() {
        return values.size();
    }
}
