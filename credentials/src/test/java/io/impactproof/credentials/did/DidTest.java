package io.impactproof.credentials.did;

import static io.impactproof.credentials.Fixtures.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DidTest {
    // Test vectors from the did:key specification (Ed25519 and P-256 sections).
    private static final String ED25519_DID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    private static final String P256_DID = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169";

    @Test
    void did_key_vectors_resolve_and_round_trip() {
        for (final String did : new String[] {ED25519_DID, P256_DID}) {
            final DidDocument document = DidKey.resolve(did);

            assertThat(document.id()).isEqualTo(did);
            assertThat(document.assertionMethod()).containsExactly(DidKey.keyId(did));
            assertThat(DidKey.fromPublicKey(document.verificationMethod().get(0).publicKey()))
                    .isEqualTo(did);
        }
        assertThat(DidKey.resolve(ED25519_DID).verificationMethod().get(0).publicKey())
                .isInstanceOf(OctetKeyPair.class);
        assertThat(DidKey.resolve(P256_DID).verificationMethod().get(0).publicKey())
                .isInstanceOf(ECKey.class);
    }

    @Test
    void generated_keys_encode_with_their_multicodec_prefix_and_decompress_exactly() {
        for (int i = 0; i < 20; i++) {
            final ECKey p256 = SigningKey.newP256().toPublicJWK();
            final String multikey = PublicKeys.toMultikey(p256);

            assertThat(multikey).startsWith("zDn");
            assertThat(PublicKeys.fromMultikey(multikey)).isEqualTo(p256);
        }
        assertThat(PublicKeys.toMultikey(SigningKey.newEd25519().toPublicJWK())).startsWith("z6Mk");
    }

    @Test
    void did_key_resolver_finds_the_one_key_and_nothing_else() {
        final ResolvedKey key = DidKey.RESOLVER.resolve(DidKey.keyId(ED25519_DID));

        assertThat(key.controller()).isEqualTo(ED25519_DID);
        assertCode(() -> DidKey.RESOLVER.resolve(ED25519_DID + "#other"), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> DidKey.RESOLVER.resolve("did:web:example.org#key-1"), ErrorCode.DID_METHOD_UNSUPPORTED);
    }

    @Test
    void rejects_malformed_dids_and_key_material() {
        assertCode(() -> DidUrl.parse("not-a-did"), ErrorCode.DID_INVALID);
        assertCode(() -> DidUrl.parse(null), ErrorCode.DID_INVALID);
        assertCode(() -> DidKey.resolve("did:key:z0OIl"), ErrorCode.DID_INVALID);
        assertCode(() -> DidKey.resolve("did:key:uAAAA"), ErrorCode.DID_INVALID);
        // A valid Ed25519 header with 31 bytes of key.
        final byte[] shortKey = new byte[33];
        shortKey[0] = (byte) 0xed;
        shortKey[1] = 0x01;
        assertCode(() -> DidKey.resolve("did:key:" + Multibase.encodeBase58Btc(shortKey)), ErrorCode.DID_INVALID);
    }

    @Test
    void did_web_urls_follow_the_resolution_steps() {
        assertThat(DidWeb.documentUrl("did:web:w3c-ccg.github.io").toString())
                .isEqualTo("https://w3c-ccg.github.io/.well-known/did.json");
        assertThat(DidWeb.documentUrl("did:web:w3c-ccg.github.io:user:alice").toString())
                .isEqualTo("https://w3c-ccg.github.io/user/alice/did.json");
        assertThat(DidWeb.documentUrl("did:web:example.com%3A3000:user:alice").toString())
                .isEqualTo("https://example.com:3000/user/alice/did.json");
        assertCode(() -> DidWeb.documentUrl("did:web:192.168.1.1"), ErrorCode.DID_INVALID);
        assertCode(() -> DidWeb.documentUrl("did:key:" + ED25519_DID.substring(8)), ErrorCode.DID_METHOD_UNSUPPORTED);
    }

    @Test
    void did_web_document_lists_each_key_as_jwk_and_multikey_and_resolves_back() {
        final String did = "did:web:verifier.example.org";
        final OctetKeyPair key = SigningKey.newEd25519();
        final ObjectNode served =
                DidWeb.document(did, Map.of("key-1", key.toPublicJWK())).toJson();

        final DidDocument resolved = DidWeb.resolve(did, Json.parse(Json.write(served)));

        assertThat(served.toString()).doesNotContain("\"d\"");
        assertThat(resolved.assertionMethod()).containsExactly(did + "#key-1", did + "#key-1-multikey");
        assertThat(resolved.verificationMethod())
                .extracting(VerificationMethod::type)
                .containsExactly("JsonWebKey", "Multikey");
        assertThat(new DocumentKeyResolver()
                        .add(resolved)
                        .resolve(did + "#key-1")
                        .publicKey())
                .isEqualTo(key.toPublicJWK());
    }

    @Test
    void did_web_resolution_rejects_a_document_for_another_did() {
        final ObjectNode served = DidWeb.document(
                        "did:web:other.example",
                        Map.of("k", SigningKey.newEd25519().toPublicJWK()))
                .toJson();

        assertCode(() -> DidWeb.resolve("did:web:verifier.example.org", served), ErrorCode.DID_DOCUMENT_INVALID);
        assertCode(() -> DidDocument.fromJson(Json.object()), ErrorCode.DID_DOCUMENT_INVALID);
    }

    @Test
    void document_resolver_refuses_keys_not_listed_for_assertions() {
        final String did = "did:web:verifier.example.org";
        final ObjectNode json = DidWeb.document(
                        did, Map.of("key-1", SigningKey.newEd25519().toPublicJWK()))
                .toJson();
        json.putArray("assertionMethod");
        final DocumentKeyResolver resolver = new DocumentKeyResolver().add(DidDocument.fromJson(json));

        assertCode(() -> resolver.resolve(did + "#key-1"), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> resolver.resolve("did:web:unknown.example#key-1"), ErrorCode.KEY_NOT_FOUND);
    }
}
