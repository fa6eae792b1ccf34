package io.impactproof.chaincode.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.QueryResponseMetadata;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.junit.jupiter.api.Test;

/**
 * {@link State} against a mocked {@link ChaincodeStub} that behaves as a peer's does, where the
 * embedded ledger's stub could hide a difference: iterators must be closed, keys are Fabric
 * composite keys, a missing key reads as an empty array, a transaction does not see its own writes.
 */
class StateTest {
    private final ChaincodeStub stub = mock(ChaincodeStub.class);
    private final State state = new State(stub);

    private static KeyValue kv(final String key, final String value) {
        final KeyValue kv = mock(KeyValue.class);
        when(kv.getKey()).thenReturn(key);
        when(kv.getValue()).thenReturn(value.getBytes(StandardCharsets.UTF_8));
        return kv;
    }

    @SuppressWarnings("unchecked")
    private static QueryResultsIterator<KeyValue> results(final KeyValue... values) {
        final QueryResultsIterator<KeyValue> iterator = mock(QueryResultsIterator.class);
        when(iterator.iterator()).thenAnswer(i -> List.of(values).iterator());
        return iterator;
    }

    @Test
    void keys_are_fabric_composite_keys() {
        assertThat(State.key(Keys.TODO, "did:web:v.example", "urn:uuid:1"))
                .isEqualTo("\u0000todo\u0000did:web:v.example\u0000urn:uuid:1\u0000")
                .isEqualTo(new CompositeKey(Keys.TODO, "did:web:v.example", "urn:uuid:1").toString());
        assertThat(State.parts(State.key(Keys.ASSET, "a", "b", "c"))).containsExactly("a", "b", "c");
    }

    @Test
    void a_key_a_peer_reads_as_an_empty_array_is_absent() {
        when(stub.getState(anyString())).thenReturn(new byte[0]);

        assertThat(state.get(State.key(Keys.PARTICIPANT, "did:web:x"), Participant.class))
                .isEmpty();
        assertThat(state.exists(State.key(Keys.UNIQUE, "k"))).isFalse();
        assertThat(state.marker(State.key(Keys.UNIQUE, "k"))).isEmpty();
    }

    @Test
    void writes_go_to_the_stub_at_once_and_later_reads_of_the_transaction_see_them() {
        final String key = State.key(Keys.PARTICIPANT, "did:web:x");
        when(stub.getState(key)).thenReturn(new byte[0]);
        final Participant p = new Participant(
                "did:web:x", "x", "Org1MSP", List.of(Role.OWNER), Map.of(), Participant.ACTIVE, "t", "t");

        state.put(key, p);
        verify(stub).putState(any(), any());
        assertThat(state.get(key, Participant.class)).contains(p);

        state.delete(key);
        verify(stub).delState(key);
        assertThat(state.get(key, Participant.class)).isEmpty();
    }

    @Test
    void a_range_scan_merges_this_transactions_writes_and_closes_the_iterator() throws Exception {
        final QueryResultsIterator<KeyValue> iterator =
                results(kv(State.key(Keys.TODO, "v", "a"), "1"), kv(State.key(Keys.TODO, "v", "b"), "1"));
        when(stub.getStateByPartialCompositeKey(any(CompositeKey.class))).thenReturn(iterator);
        state.mark(State.key(Keys.TODO, "v", "c"));
        state.delete(State.key(Keys.TODO, "v", "a"));

        final var keys = state.scan(Keys.TODO, bytes -> "", "v").stream()
                .map(e -> State.parts(e.getKey()).get(1))
                .toList();

        assertThat(keys).containsExactly("b", "c");
        verify(iterator).close();
    }

    @Test
    void a_marker_is_never_written_empty_because_fabric_records_an_empty_write_as_a_delete() {
        state.mark(State.key(Keys.TODO, "v", "c"));
        verify(stub).putState(State.key(Keys.TODO, "v", "c"), State.PRESENT.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> state.mark(State.key(Keys.TODO, "v", "d"), ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_failing_decode_still_closes_the_iterator() throws Exception {
        final QueryResultsIterator<KeyValue> iterator = results(kv(State.key(Keys.TODO, "v", "a"), "x"));
        when(stub.getStateByPartialCompositeKey(any(CompositeKey.class))).thenReturn(iterator);

        assertThatThrownBy(() -> state.scan(
                        Keys.TODO,
                        bytes -> {
                            throw new IllegalStateException("corrupt");
                        },
                        "v"))
                .isInstanceOf(IllegalStateException.class);
        verify(iterator).close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_page_passes_size_and_bookmark_and_returns_the_peers_next_bookmark() throws Exception {
        final QueryResultsIteratorWithMetadata<KeyValue> iterator = mock(QueryResultsIteratorWithMetadata.class);
        final List<KeyValue> values =
                List.of(kv(State.key(Keys.TODO, "v", "a"), ""), kv(State.key(Keys.TODO, "v", "b"), ""));
        when(iterator.iterator()).thenAnswer(i -> values.iterator());
        when(iterator.getMetadata())
                .thenReturn(QueryResponseMetadata.newBuilder()
                        .setFetchedRecordsCount(2)
                        .setBookmark(State.key(Keys.TODO, "v", "c"))
                        .build());
        when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), any(Integer.class), any()))
                .thenReturn(iterator);

        final State.Page<String> page = state.page(Keys.TODO, bytes -> "", 2, "", "v");

        assertThat(page.entries()).hasSize(2);
        assertThat(page.bookmark()).isEqualTo(State.key(Keys.TODO, "v", "c"));
        verify(stub)
                .getStateByPartialCompositeKeyWithPagination(
                        argThat(key -> key.toString().equals(State.key(Keys.TODO, "v"))), eq(2), eq(""));
        verify(iterator).close();
    }

    @Test
    void buildsTheShimsCompositeKeysAndRefusesWhatItRefuses() {
        final String max = new String(Character.toChars(Character.MAX_CODE_POINT));
        final List<String[]> cases = List.of(
                new String[] {"claim"},
                new String[] {"claim", "urn:uuid:1"},
                new String[] {"todo", "did:web:v.example#key-1", "", "claim\u00e9\uD83D\uDE00"},
                new String[] {"", "a", "b"});
        for (final String[] c : cases) {
            final String[] parts = java.util.Arrays.copyOfRange(c, 1, c.length);
            assertThat(State.key(c[0], parts)).isEqualTo(new CompositeKey(c[0], parts).toString());
        }
        for (final String bad : List.of("a\u0000b", "x" + max)) {
            // The shim's exception class is package-private: compare by name.
            assertThatThrownBy(() -> State.key("claim", "ok", bad))
                    .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("CompositeKeyFormatException"));
            assertThatThrownBy(() -> State.key(bad, "ok"))
                    .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo("CompositeKeyFormatException"));
        }
    }
}
