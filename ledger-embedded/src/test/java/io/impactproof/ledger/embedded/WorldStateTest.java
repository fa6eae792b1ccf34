package io.impactproof.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Point reads (by hash) and range reads (by the tree) answer from the same entries. */
class WorldStateTest {
    private static byte[] bytes(final String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void point_and_range_reads_agree_after_writes_deletes_and_a_load() {
        final WorldState state = new WorldState();
        final Map<String, byte[]> block = new HashMap<>();
        block.put("\u0000claim\u0000urn:uuid:1\u0000", bytes("one"));
        block.put("\u0000claim\u0000urn:uuid:2\u0000", bytes("two"));
        block.put("\u0000claim\u0000urn:uuid:3\u0000", bytes("three"));
        state.apply(block);

        final Map<String, byte[]> next = new HashMap<>();
        next.put("\u0000claim\u0000urn:uuid:2\u0000", null); // a delete
        next.put("\u0000claim\u0000urn:uuid:3\u0000", bytes("three again"));
        state.apply(next);

        assertThat(state.get("\u0000claim\u0000urn:uuid:1\u0000")).isEqualTo(bytes("one"));
        assertThat(state.get("\u0000claim\u0000urn:uuid:2\u0000")).isNull();
        assertThat(state.get("\u0000claim\u0000urn:uuid:3\u0000")).isEqualTo(bytes("three again"));
        assertThat(state.range("\u0000claim\u0000", "\u0000claim\u0001").keySet())
                .containsExactly("\u0000claim\u0000urn:uuid:1\u0000", "\u0000claim\u0000urn:uuid:3\u0000");
        assertThat(state.size()).isEqualTo(2);

        final TreeMap<String, byte[]> snapshot = new TreeMap<>();
        snapshot.put("k", bytes("v"));
        state.load(snapshot);
        assertThat(state.get("\u0000claim\u0000urn:uuid:1\u0000"))
                .as("a load replaces every entry, for point reads too")
                .isNull();
        assertThat(state.get("k")).isEqualTo(bytes("v"));
        assertThat(state.bytes()).isEqualTo(2);
    }

    @Test
    void a_page_copies_at_most_its_count_within_the_bounds_in_key_order() {
        final WorldState state = new WorldState();
        final Map<String, byte[]> block = new HashMap<>();
        for (final String k : java.util.List.of("a", "b", "c", "d", "e", "f")) {
            block.put("\u0000kv\u0000" + k + "\u0000", bytes(k));
        }
        block.put("\u0000other\u0000z\u0000", bytes("z"));
        state.apply(block);
        final Map<String, byte[]> next = new HashMap<>();
        next.put("\u0000kv\u0000c\u0000", null);
        next.put("\u0000kv\u0000d\u0000", bytes("d2"));
        state.apply(next);

        assertThat(state.first("\u0000kv\u0000", "\u0000kv\u0001", 3).keySet())
                .containsExactly("\u0000kv\u0000a\u0000", "\u0000kv\u0000b\u0000", "\u0000kv\u0000d\u0000");
        assertThat(state.first("\u0000kv\u0000b\u0000", "\u0000kv\u0001", 2).values())
                .containsExactly(bytes("b"), bytes("d2"));
        assertThat(state.first("\u0000kv\u0000e\u0000", "\u0000kv\u0001", 10).keySet())
                .as("the end bounds the page: the other type's key is not in it")
                .containsExactly("\u0000kv\u0000e\u0000", "\u0000kv\u0000f\u0000");
        assertThat(state.first("\u0000kv\u0000e\u0000", "", 10))
                .as("no end: to the last key")
                .hasSize(3);
        assertThat(state.first("\u0000kv\u0000", "\u0000kv\u0001", 0)).isEmpty();
    }
}
