package io.impactproof.ledger.embedded;

import io.impactproof.model.KeyOrder;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The current value of every key, in UTF-8 byte order like Fabric's LevelDB. Loaded at start from
 * the last snapshot and the blocks after it. Thread-safe: readers share a lock, the single writer applies a whole block at once.
 */
final class WorldState {
    private final TreeMap<String, byte[]> entries = new TreeMap<>(KeyOrder.COMPARATOR);
    /**
     * The same entries by hash, for point reads: keys share long prefixes (namespace, type, an id),
     * so a tree lookup compares the shared prefix at every level, and reads outnumber writes.
     */
    private final HashMap<String, byte[]> byKey = new HashMap<>();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long bytes;

    byte[] get(final String key) {
        lock.readLock().lock();
        try {
            return byKey.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of the entries in [start, end), so iteration holds no lock. */
    NavigableMap<String, byte[]> range(final String start, final String end) {
        lock.readLock().lock();
        try {
            return new TreeMap<>(
                    end.isEmpty() ? entries.tailMap(start, true) : entries.subMap(start, true, end, false));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A copy of at most {@code count} entries from {@code start} (inclusive) to {@code end}
     * (exclusive; empty for none), in key order: a page costs its own size, not the range's — an
     * agent reading a backlog of n claims a page at a time then copies n entries in all, not n²/page.
     */
    java.util.LinkedHashMap<String, byte[]> first(final String start, final String end, final int count) {
        lock.readLock().lock();
        try {
            final var range = end.isEmpty() ? entries.tailMap(start, true) : entries.subMap(start, true, end, false);
            final java.util.LinkedHashMap<String, byte[]> page = new java.util.LinkedHashMap<>();
            for (final var entry : range.entrySet()) {
                if (page.size() == count) {
                    break;
                }
                page.put(entry.getKey(), entry.getValue());
            }
            return page;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether [start, end) holds exactly {@code seen}: the same keys, each with the same value array. */
    boolean sameRange(final String start, final String end, final NavigableMap<String, byte[]> seen) {
        lock.readLock().lock();
        try {
            final NavigableMap<String, byte[]> now =
                    end.isEmpty() ? entries.tailMap(start, true) : entries.subMap(start, true, end, false);
            if (now.size() != seen.size()) {
                return false;
            }
            final var a = now.entrySet().iterator();
            final var b = seen.entrySet().iterator();
            while (a.hasNext()) {
                final var x = a.next();
                final var y = b.next();
                if (x.getValue() != y.getValue() || !x.getKey().equals(y.getKey())) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of every entry (values shared: a committed value is never changed in place). */
    TreeMap<String, byte[]> copy() {
        lock.readLock().lock();
        try {
            return new TreeMap<>(entries);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Replaces every entry: a snapshot's, at open, before any transaction runs. */
    void load(final Map<String, byte[]> snapshot) {
        lock.writeLock().lock();
        try {
            entries.clear();
            entries.putAll(snapshot);
            byKey.clear();
            byKey.putAll(snapshot);
            bytes = 0;
            entries.forEach((key, value) -> bytes += key.length() + value.length);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void apply(final Map<String, byte[]> writes) {
        lock.writeLock().lock();
        try {
            writes.forEach((key, value) -> {
                final byte[] old;
                if (value == null) {
                    old = entries.remove(key);
                    byKey.remove(key);
                } else {
                    old = entries.put(key, value);
                    byKey.put(key, value);
                }
                if (old != null) {
                    bytes -= key.length() + old.length;
                }
                if (value != null) {
                    bytes += key.length() + value.length;
                }
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Key characters plus value bytes of every entry. */
    long bytes() {
        lock.readLock().lock();
        try {
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }
}
