package io.impactproof.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.impactproof.credentials.did.DidDocument;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.credentials.status.BitstringStatusList;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The credentials library against arbitrary input: a compact vc+jwt from anyone, a payload that is
 * properly signed but says anything, a DID document, a DID URL, a status list. Each either succeeds
 * or is refused with a documented rejection.
 */
class CredentialFuzzTests {
    private static final SigningKey KEY = SigningKey.generateEd25519DidKey();
    private static final VcJwtVerifier VERIFIER = VcJwtVerifier.builder(DidKey.RESOLVER)
            .clock(Clock.systemUTC())
            .leeway(Duration.ofMinutes(5))
            .build();

    /** Any string, as a third party's credential would arrive. */
    @FuzzTest(maxDuration = "5m")
    void verify_any_compact_credential(final byte[] input) {
        try {
            VERIFIER.verify(new String(input, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }

    /** Any payload with a valid signature: everything after the signature check is reached. */
    @FuzzTest(maxDuration = "5m")
    void verify_any_signed_payload(final byte[] payload) {
        final String compact = VcJwt.signJws(VcJwt.TYP, VcJwt.CTY, payload, KEY);
        try {
            final SignedCredential verified = VERIFIER.verify(compact);
            // What verified must be readable the way the registry reads it.
            verified.credential().types();
            verified.credential().relatedResources();
            verified.credential().status();
            verified.credential().evidence();
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void read_any_did_document(final byte[] json) {
        try {
            final DidDocument document = DidDocument.fromJson(Json.parse(new String(json, StandardCharsets.UTF_8)));
            document.assertionKey(document.id() + "#key-1");
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void parse_any_did_url(final byte[] input) {
        final String value = new String(input, StandardCharsets.UTF_8);
        try {
            DidUrl.parse(value);
            DidKey.resolve(value);
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void decode_any_status_list(final byte[] encodedList) {
        try {
            final BitstringStatusList list =
                    BitstringStatusList.decode(new String(encodedList, StandardCharsets.US_ASCII));
            list.get(0);
        } catch (RuntimeException e) {
            Documented.refusal(e);
        }
    }
}
