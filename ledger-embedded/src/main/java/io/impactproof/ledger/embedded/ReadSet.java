package io.impactproof.ledger.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * What a simulated transaction read, as Fabric's read set and range-query info: for each key the
 * value it saw (by identity: every committed write stores a new array, so an unchanged reference
 * is an unchanged version), and for each range the entries it saw. A transaction commits only if
 * all of it is still so when its turn comes (MVCC and phantom-read checks). Not thread-safe: one
 * simulation fills it, then the committer checks it.
 */
final class ReadSet {
    private final Map<String, byte[]> points = new HashMap<>();
    private final List<Range> ranges = new ArrayList<>();

    private record Range(String start, String end, NavigableMap<String, byte[]> seen) {}

    /** The first read of a key counts: a later one in the same simulation saw the same state or a newer one. */
    void point(final String key, final byte[] seen) {
        if (!points.containsKey(key)) {
            points.put(key, seen);
        }
    }

    void range(final String start, final String end, final NavigableMap<String, byte[]> seen) {
        ranges.add(new Range(start, end, seen));
    }

    /**
     * Whether every read is still what the committed state holds, and none touches a key that
     * {@code ordered} (the writes of transactions ordered before it in the same block group, not yet
     * applied) changes.
     */
    boolean stillValid(final WorldState state, final NavigableMap<String, byte[]> ordered) {
        for (final var read : points.entrySet()) {
            if (ordered.containsKey(read.getKey()) || state.get(read.getKey()) != read.getValue()) {
                return false;
            }
        }
        for (final Range range : ranges) {
            final var touched = range.end().isEmpty()
                    ? ordered.tailMap(range.start(), true)
                    : ordered.subMap(range.start(), true, range.end(), false);
            if (!touched.isEmpty() || !state.sameRange(range.start(), range.end(), range.seen())) {
                return false;
            }
        }
        return true;
    }
}
