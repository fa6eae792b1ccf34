package io.impactproof.credentials.digest;

import static io.impactproof.credentials.Fixtures.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DigestsTest {
    private static final byte[] IMPACT = "impact".getBytes(StandardCharsets.UTF_8);

    @Test
    void computes_sri_and_multibase_as_openssl_does() {
        // Expected values from `printf impact | openssl dgst -sha384 -binary | base64` and the
        // multihash 0x12 0x20 ‖ sha256 encoded base64url.
        assertThat(Digests.sri(IMPACT))
                .isEqualTo("sha384-IUCIK/43EoJdlsQmO4fmRVQgks8PYNxt5xDJXMyfIsK8Ehk8wF2l95BXMcCXl27C");
        assertThat(Digests.sri(new byte[0]))
                .isEqualTo("sha384-OLBgp1GsljhM2TJ+sbHjaiH9txEUvgdDTAzHv2P24donTt6/529l+9Ua0vFImLlb");
        assertThat(Digests.multibase(IMPACT)).isEqualTo("uEiBvYfRsI6ZmB691nc00isEyhGOF2POVNOabbNk0vautiw");
        assertThat(Digests.sha256Hex(IMPACT))
                .isEqualTo("6f61f46c23a66607af759dcd348ac132846385d8f39534e69b6cd934bdabad8b");
    }

    @Test
    void checks_matching_bytes_and_rejects_tampered_ones() {
        Digests.checkSri(IMPACT, Digests.sri(IMPACT));
        Digests.checkSri(IMPACT, "sha256-b2H0bCOmZgevdZ3NNIrBMoRjhdjzlTTmm2zZNL2rrYs=");
        Digests.checkMultibase(IMPACT, Digests.multibase(IMPACT));
        final byte[] tampered = "impacT".getBytes(StandardCharsets.UTF_8);

        assertCode(() -> Digests.checkSri(tampered, Digests.sri(IMPACT)), ErrorCode.DIGEST_MISMATCH);
        assertCode(() -> Digests.checkMultibase(tampered, Digests.multibase(IMPACT)), ErrorCode.DIGEST_MISMATCH);
    }

    @Test
    void rejects_malformed_digests() {
        assertCode(() -> Digests.checkSri(IMPACT, "md5-abc"), ErrorCode.DIGEST_INVALID);
        assertCode(() -> Digests.checkSri(IMPACT, "sha384"), ErrorCode.DIGEST_INVALID);
        assertCode(() -> Digests.checkSri(IMPACT, "sha384-***"), ErrorCode.DIGEST_INVALID);
        assertCode(() -> Digests.checkSri(IMPACT, " "), ErrorCode.DIGEST_INVALID);
        assertCode(() -> Digests.checkMultibase(IMPACT, "uAAAA"), ErrorCode.DIGEST_INVALID);
        assertCode(() -> Digests.checkMultibase(IMPACT, "x123"), ErrorCode.DIGEST_INVALID);
    }

    @Test
    void canonical_json_sorts_keys_and_normalises_numbers() {
        // RFC 8785: keys sorted by UTF-16 code units, no white space, ECMAScript number form.
        assertThat(Json.canonical(Json.parse("{\"b\": 1.0, \"a\": [1E3, \"x\"], \"é\": true}")))
                .isEqualTo("{\"a\":[1000,\"x\"],\"b\":1,\"é\":true}");
        assertThat(Json.canonical(Json.parse("{\"b\":2,\"a\":1}")))
                .isEqualTo(Json.canonical(Json.parse("{\"a\":1,\"b\":2}")));
    }
}
