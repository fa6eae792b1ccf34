package io.impactproof.ledger.embedded;

import com.google.protobuf.ByteString;
import io.impactproof.model.KeyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * A {@link ChaincodeStub} over the embedded world state, for one transaction. As on a Fabric peer,
 * reads see the committed state only and writes are collected into a write set applied at commit.
 * Private data, chaincode-to-chaincode calls, rich queries and key history are not offered: the
 * registry's contracts do not use them. Not thread-safe.
 */
final class EmbeddedStub implements ChaincodeStub {
    private static final String MAX_UNICODE = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final WorldState state;
    private final String txId;
    private final Instant timestamp;
    private final byte[] creator;
    private final String mspId;
    private final List<byte[]> args;
    private final Map<String, byte[]> transientData;
    private final boolean readOnly;
    private final Map<String, byte[]> writes = new LinkedHashMap<>();
    /** What a transaction that may write read, checked at its commit; none for a read-only query. */
    private final ReadSet reads;

    private ChaincodeEvent event;

    EmbeddedStub(
            final WorldState state,
            final String txId,
            final Instant timestamp,
            final byte[] creator,
            final String mspId,
            final List<String> args,
            final Map<String, byte[]> transientData,
            final boolean readOnly) {
        this.state = state;
        this.txId = txId;
        this.timestamp = timestamp;
        this.creator = creator.clone();
        this.mspId = mspId;
        this.args = args.stream().map(a -> a.getBytes(StandardCharsets.UTF_8)).toList();
        this.transientData = Map.copyOf(transientData);
        this.readOnly = readOnly;
        this.reads = readOnly ? null : new ReadSet();
    }

    ReadSet reads() {
        return reads;
    }

    private java.util.NavigableMap<String, byte[]> range(final String start, final String end) {
        final var entries = state.range(start, end);
        if (reads != null) {
            reads.range(start, end, entries);
        }
        return entries;
    }

    Map<String, byte[]> writes() {
        return writes;
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    @Override
    public List<byte[]> getArgs() {
        return args;
    }

    @Override
    public List<String> getStringArgs() {
        return args.stream().map(a -> new String(a, StandardCharsets.UTF_8)).toList();
    }

    @Override
    public String getFunction() {
        return args.isEmpty() ? null : getStringArgs().get(0);
    }

    @Override
    public List<String> getParameters() {
        return getStringArgs().subList(Math.min(1, args.size()), args.size());
    }

    @Override
    public String getTxId() {
        return txId;
    }

    @Override
    public String getChannelId() {
        return EmbeddedLedger.CHANNEL;
    }

    @Override
    public byte[] getState(final String key) {
        final byte[] value = state.get(key);
        if (reads != null) {
            reads.point(key, value);
        }
        return value == null ? new byte[0] : value.clone();
    }

    @Override
    public void putState(final String key, final byte[] value) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
        // As on a Fabric peer, a write of an empty value is a delete.
        writes.put(key, value == null || value.length == 0 ? null : value.clone());
    }

    @Override
    public void delState(final String key) {
        writes.put(key, null);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(final String startKey, final String endKey) {
        return iterator(range(startKey == null ? "" : startKey, endKey == null ? "" : endKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final String compositeKey) {
        return getStateByPartialCompositeKey(CompositeKey.parseCompositeKey(compositeKey));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(
            final String objectType, final String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(final CompositeKey compositeKey) {
        final String prefix = compositeKey.toString();
        return iterator(range(prefix, prefix + MAX_UNICODE));
    }

    @Override
    public CompositeKey createCompositeKey(final String objectType, final String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(final String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public void setEvent(final String name, final byte[] payload) {
        event = ChaincodeEvent.newBuilder()
                .setEventName(name)
                .setTxId(txId)
                .setPayload(ByteString.copyFrom(payload == null ? new byte[0] : payload))
                .build();
    }

    @Override
    public Instant getTxTimestamp() {
        return timestamp;
    }

    @Override
    public byte[] getCreator() {
        return creator.clone();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return transientData;
    }

    @Override
    public String getMspId() {
        return mspId;
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public SignedProposal getSignedProposal() {
        throw unsupported("signed proposals");
    }

    @Override
    public Chaincode.Response invokeChaincode(final String name, final List<byte[]> arguments, final String channel) {
        throw unsupported("chaincode-to-chaincode calls");
    }

    @Override
    public byte[] getStateValidationParameter(final String key) {
        throw unsupported("key-level endorsement");
    }

    @Override
    public void setStateValidationParameter(final String key, final byte[] value) {
        throw unsupported("key-level endorsement");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(
            final String startKey, final String endKey, final int pageSize, final String bookmark) {
        throw unsupported("pagination");
    }

    /**
     * As on a peer: only in read-only transactions (a peer refuses paged queries in a transaction that
     * writes); the bookmark is the key the page starts at, and the returned one the key after it.
     */
    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            final CompositeKey compositeKey, final int pageSize, final String bookmark) {
        if (!readOnly) {
            throw new UnsupportedOperationException("paged queries are for read-only transactions");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one entry, got " + pageSize);
        }
        final String prefix = compositeKey.toString();
        final String start = bookmark == null || bookmark.isEmpty() ? prefix : bookmark;
        if (KeyOrder.compare(start, prefix) < 0) {
            throw new IllegalArgumentException("the bookmark is outside the range");
        }
        // One entry past the page: its key is the bookmark of the next page.
        final Map<String, byte[]> page = state.first(start, prefix + MAX_UNICODE, pageSize + 1);
        String next = "";
        if (page.size() > pageSize) {
            final var keys = page.keySet().iterator();
            for (int i = 0; i < pageSize; i++) {
                keys.next();
            }
            next = keys.next();
            page.remove(next);
        }
        final QueryResultsIterator<KeyValue> results = iterator(page);
        final String bookmarkOut = next;
        final QueryResponseMetadata metadata = QueryResponseMetadata.newBuilder()
                .setFetchedRecordsCount(page.size())
                .setBookmark(bookmarkOut)
                .build();
        return new QueryResultsIteratorWithMetadata<>() {
            @Override
            public QueryResponseMetadata getMetadata() {
                return metadata;
            }

            @Override
            public java.util.Iterator<KeyValue> iterator() {
                return results.iterator();
            }

            @Override
            public void close() {
                // Nothing to release: the entries were copied.
            }
        };
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(final String query) {
        throw unsupported("rich queries");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(
            final String query, final int pageSize, final String bookmark) {
        throw unsupported("rich queries");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(final String key) {
        throw unsupported("key history");
    }

    @Override
    public byte[] getPrivateData(final String collection, final String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataHash(final String collection, final String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(final String collection, final String key) {
        throw unsupported("private data");
    }

    @Override
    public void putPrivateData(final String collection, final String key, final byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void setPrivateDataValidationParameter(final String collection, final String key, final byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void delPrivateData(final String collection, final String key) {
        throw unsupported("private data");
    }

    @Override
    public void purgePrivateData(final String collection, final String key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(
            final String collection, final String startKey, final String endKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final CompositeKey compositeKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(
            final String collection, final String objectType, final String... attributes) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(final String collection, final String query) {
        throw unsupported("private data");
    }

    private static UnsupportedOperationException unsupported(final String what) {
        return new UnsupportedOperationException(what + " are not supported by the embedded ledger");
    }

    private static QueryResultsIterator<KeyValue> iterator(final Map<String, byte[]> entries) {
        final List<KeyValue> values = new ArrayList<>(entries.size());
        entries.forEach((k, v) -> values.add(new Entry(k, v)));
        return new QueryResultsIterator<>() {
            @Override
            public Iterator<KeyValue> iterator() {
                return values.iterator();
            }

            @Override
            public void close() {
                // Nothing to release: the entries were copied.
            }
        };
    }

    private record Entry(String key, byte[] value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.clone();
        }

        @Override
        public String getStringValue() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
