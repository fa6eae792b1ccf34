package io.impactproof.credentials.status;

import static io.impactproof.credentials.Fixtures.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.Fixtures;
import io.impactproof.credentials.did.Multibase;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {
    private static final String LIST = "https://registry.example/status/revocation/1";

    @Test
    void sets_and_reads_bits_with_index_zero_leftmost() throws IOException {
        final BitstringStatusList list = BitstringStatusList.create();
        list.set(0, true);
        list.set(94_567, true);
        list.set(131_071, true);
        list.set(94_567, false);
        list.set(12, true);

        final byte[] raw = gunzipOf(list);
        assertThat(raw).hasSize(16_384);
        assertThat(raw[0] & 0xff).isEqualTo(0b1000_0000);
        assertThat(raw[1] & 0xff).isEqualTo(0b0000_1000);
        assertThat(raw[16_383] & 0xff).isEqualTo(0b0000_0001);
        final BitstringStatusList decoded = BitstringStatusList.decode(list.encode());
        assertThat(decoded.get(0)).isTrue();
        assertThat(decoded.get(12)).isTrue();
        assertThat(decoded.get(94_567)).isFalse();
        assertThat(decoded.get(131_071)).isTrue();
        assertThat(decoded.size()).isEqualTo(131_072);
    }

    @Test
    void encoding_is_deterministic_and_multibase() {
        final BitstringStatusList a = BitstringStatusList.create();
        final BitstringStatusList b = BitstringStatusList.create();
        a.set(7, true);
        b.set(7, true);

        assertThat(a.encode()).startsWith("u").isEqualTo(b.encode());
    }

    @Test
    void rejects_short_malformed_and_out_of_range_lists() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(new byte[1024]);
        }
        final String tooShort = Multibase.encodeBase64Url(out.toByteArray());

        assertCode(() -> BitstringStatusList.decode(tooShort), ErrorCode.STATUS_LIST_INVALID);
        assertCode(() -> BitstringStatusList.decode("uAAAA"), ErrorCode.STATUS_LIST_INVALID);
        assertCode(() -> BitstringStatusList.decode("zAAAA"), ErrorCode.STATUS_LIST_INVALID);
        assertCode(() -> BitstringStatusList.create(1024), ErrorCode.STATUS_LIST_INVALID);
        assertCode(() -> BitstringStatusList.create().get(131_072), ErrorCode.STATUS_INDEX_OUT_OF_RANGE);
        assertCode(() -> BitstringStatusList.create().set(-1, true), ErrorCode.STATUS_INDEX_OUT_OF_RANGE);
    }

    @Test
    void the_status_list_credential_answers_an_entry() {
        final BitstringStatusList list = BitstringStatusList.create();
        list.set(48_213, true);
        final VerifiableCredential credential =
                StatusListCredential.build(LIST, "did:web:registry.example", "revocation", list, Fixtures.NOW);
        final VerifiableCredential reparsed = VerifiableCredential.fromJson(credential.toJson());

        assertThat(reparsed.types()).containsExactly("VerifiableCredential", "BitstringStatusListCredential");
        assertThat(StatusListCredential.isSet(StatusEntry.of(LIST, "revocation", 48_213), reparsed))
                .isTrue();
        assertThat(StatusListCredential.isSet(StatusEntry.of(LIST, "revocation", 48_214), reparsed))
                .isFalse();
        assertCode(
                () -> StatusListCredential.isSet(StatusEntry.of(LIST, "suspension", 1), reparsed),
                ErrorCode.STATUS_LIST_INVALID);
        assertCode(
                () -> StatusListCredential.isSet(StatusEntry.of(LIST + "x", "revocation", 1), reparsed),
                ErrorCode.STATUS_LIST_INVALID);
    }

    private static byte[] gunzipOf(final BitstringStatusList list) throws IOException {
        final byte[] compressed = Multibase.decode(list.encode(), ErrorCode.STATUS_LIST_INVALID);
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }
}
