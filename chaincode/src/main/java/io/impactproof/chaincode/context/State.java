package io.impactproof.chaincode.context;

import io.impactproof.model.KeyOrder;
import io.impactproof.model.LedgerJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The one way contracts read and write world state, for one transaction. Not thread-safe (a
 * transaction runs on one thread).
 *
 * <p>Fabric shows a transaction the committed state only, never its own writes. Batches (many claims
 * or attestations in one transaction) need to see what earlier items wrote, so writes are kept in an
 * overlay that reads and range scans consult first, and go to the stub at once.
 */
public final class State {
    /** Fabric's end-of-range marker for partial composite keys (the highest Unicode code point). */
    private static final String MAX_UNICODE = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final ChaincodeStub stub;
    private final TreeMap<String, byte[]> overlay = new TreeMap<>(KeyOrder.COMPARATOR);
    // Decoded records read in this transaction: a batch reads the same participant and protocol
    // for every item. Records are immutable; a write replaces the entry.
    private final Map<String, Object> decoded = new HashMap<>();

    public State(final ChaincodeStub stub) {
        this.stub = stub;
    }

    /**
     * The composite key {@link CompositeKey} gives ({@code U+0000 type U+0000}, then each part and
     * {@code U+0000}), built without the shim's check, which compiles a regular expression for every
     * segment: a batch builds thousands of keys. A segment the shim would refuse goes through it, for
     * its exception.
     */
    public static String key(final String type, final String... parts) {
        if (!plain(type)) {
            return new CompositeKey(type, parts).toString();
        }
        final StringBuilder key =
                new StringBuilder(64).append('\u0000').append(type).append('\u0000');
        for (final String part : parts) {
            if (!plain(part)) {
                return new CompositeKey(type, parts).toString();
            }
            key.append(part).append('\u0000');
        }
        return key.toString();
    }

    /** Neither of the two code points a composite key segment must not hold (U+0000, U+10FFFF). */
    private static boolean plain(final String segment) {
        return segment != null && segment.indexOf('\u0000') < 0 && !segment.contains(MAX_UNICODE);
    }

    public <T> Optional<T> get(final String key, final Class<T> type) {
        final Object cached = decoded.get(key);
        if (type.isInstance(cached)) {
            return Optional.of(type.cast(cached));
        }
        final Optional<T> value = raw(key).map(bytes -> LedgerJson.read(bytes, type));
        value.ifPresent(v -> decoded.put(key, v));
        return value;
    }

    public boolean exists(final String key) {
        return raw(key).isPresent();
    }

    public void put(final String key, final Object record) {
        write(key, LedgerJson.bytes(record));
        decoded.put(key, record);
    }

    /** What an index entry whose presence is the information holds. */
    public static final String PRESENT = "1";

    /** An index entry whose presence is the information. */
    public void mark(final String key) {
        mark(key, PRESENT);
    }

    /**
     * An index entry holding a value. Never empty: Fabric records a write of an empty value as a
     * delete, so an empty marker would vanish on a peer (the embedded ledger does the same).
     */
    public void mark(final String key, final String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an empty value is a delete on Fabric: use mark(key)");
        }
        write(key, value.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> marker(final String key) {
        return raw(key).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    public void delete(final String key) {
        decoded.remove(key);
        overlay.put(key, null);
        stub.delState(key);
    }

    /** Entries under a partial composite key, in key order, merged with this transaction's writes. */
    public <T> List<Map.Entry<String, T>> scan(
            final String type, final Function<byte[], T> decode, final String... parts) {
        final String prefix = key(type, parts);
        final Map<String, byte[]> merged = new TreeMap<>(KeyOrder.COMPARATOR);
        try (QueryResultsIterator<KeyValue> results =
                stub.getStateByPartialCompositeKey(new CompositeKey(type, parts))) {
            for (final KeyValue kv : results) {
                merged.put(kv.getKey(), kv.getValue());
            }
        } catch (Exception e) {
            throw new IllegalStateException("range query failed", e);
        }
        overlay.subMap(prefix, prefix + MAX_UNICODE).forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        final List<Map.Entry<String, T>> out = new ArrayList<>();
        merged.forEach((k, v) -> out.add(Map.entry(k, decode.apply(v))));
        return out;
    }

    public <T> List<T> scanRecords(final String type, final Class<T> recordType, final String... parts) {
        return scan(type, bytes -> LedgerJson.read(bytes, recordType), parts).stream()
                .map(Map.Entry::getValue)
                .toList();
    }

    /**
     * One page of entries under a partial composite key, for queries (evaluate) only: Fabric refuses
     * paged range queries in transactions that write. {@code bookmark} is where the page starts (the
     * empty string for the first page); the page's bookmark is where the next starts, empty at the end.
     */
    public <T> Page<T> page(
            final String type,
            final Function<byte[], T> decode,
            final int pageSize,
            final String bookmark,
            final String... parts) {
        final List<Map.Entry<String, T>> entries = new ArrayList<>();
        final String next;
        try (QueryResultsIteratorWithMetadata<KeyValue> results =
                stub.getStateByPartialCompositeKeyWithPagination(new CompositeKey(type, parts), pageSize, bookmark)) {
            for (final KeyValue kv : results) {
                entries.add(Map.entry(kv.getKey(), decode.apply(kv.getValue())));
            }
            next = results.getMetadata() == null ? "" : results.getMetadata().getBookmark();
        } catch (Exception e) {
            throw new IllegalStateException("paged range query failed", e);
        }
        return new Page<>(entries, entries.size() < pageSize ? "" : next);
    }

    /**
     * A page of a range query. This record is immutable.
     *
     * @param bookmark where the next page starts; empty when this is the last page
     */
    public record Page<T>(List<Map.Entry<String, T>> entries, String bookmark) {
        public Page {
            entries = List.copyOf(entries);
        }
    }

    /** The attributes of a composite key. */
    public static List<String> parts(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey).getAttributes();
    }

    private Optional<byte[]> raw(final String key) {
        if (overlay.containsKey(key)) {
            return Optional.ofNullable(overlay.get(key));
        }
        final byte[] value = stub.getState(key);
        return value == null || value.length == 0 ? Optional.empty() : Optional.of(value);
    }

    private void write(final String key, final byte[] value) {
        decoded.remove(key);
        overlay.put(key, value);
        stub.putState(key, value);
    }
}
