package io.impactproof.credentials.jwt;

import static io.impactproof.credentials.Fixtures.assertCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.Fixtures;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidWeb;
import io.impactproof.credentials.did.DocumentKeyResolver;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class VcJwtTest {
    private final SigningKey owner = SigningKey.generateEd25519DidKey();
    private final VcJwtVerifier verifier = VcJwtVerifier.builder(DidKey.RESOLVER)
            .clock(Fixtures.CLOCK)
            .leeway(Duration.ofMinutes(5))
            .build();

    private SignedCredential signed() {
        return VcJwt.sign(Fixtures.claim(owner.did()).build(), owner, Fixtures.NOW);
    }

    @Test
    void signs_with_vc_jwt_header_and_payload_rules() {
        final SignedCredential signed = signed();
        final String[] parts = signed.compact().split("\\.");
        final ObjectNode header = Json.parseObject(Base64.getUrlDecoder().decode(parts[0]));
        final ObjectNode payload = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));

        assertThat(header.get("alg").stringValue()).isEqualTo("EdDSA");
        assertThat(header.get("typ").stringValue()).isEqualTo("vc+jwt");
        assertThat(header.get("cty").stringValue()).isEqualTo("vc");
        assertThat(header.get("kid").stringValue()).isEqualTo(owner.keyId()).startsWith(owner.did() + "#z6Mk");
        assertThat(payload.get("iss").stringValue()).isEqualTo(owner.did());
        assertThat(payload.get("iat").longValue()).isEqualTo(Fixtures.NOW.getEpochSecond());
        assertThat(payload.has("vc")).isFalse();
        assertThat(payload.get("@context").get(0).stringValue()).isEqualTo(VerifiableCredential.V2_CONTEXT);
    }

    @Test
    void verifies_and_keeps_the_exact_compact_form() {
        final SignedCredential signed = signed();
        final SignedCredential verified = verifier.verify(signed.compact());

        assertThat(verified.compact()).isSameAs(signed.compact());
        assertThat(verified.credential()).isEqualTo(signed.credential());
        assertThat(verified.keyId()).isEqualTo(owner.keyId());
        assertThat(verified.digestSRI()).startsWith("sha384-").isEqualTo(signed.digestSRI());
    }

    @Test
    void a_third_party_library_reads_and_verifies_what_we_sign_with_either_algorithm() throws Exception {
        final SigningKey p256 = SigningKey.didKey(SigningKey.newP256());
        for (final SigningKey key : java.util.List.of(owner, p256)) {
            final SignedCredential signed = VcJwt.sign(Fixtures.claim(key.did()).build(), key, Fixtures.NOW);
            final var jws = com.nimbusds.jose.JWSObject.parse(signed.compact());
            final var verifier = key.publicKey() instanceof com.nimbusds.jose.jwk.OctetKeyPair okp
                    ? new com.nimbusds.jose.crypto.Ed25519Verifier(okp)
                    : new com.nimbusds.jose.crypto.ECDSAVerifier(key.publicKey().toECKey());

            assertThat(jws.verify(verifier)).as(key.algorithm().getName()).isTrue();
            assertThat(jws.getHeader().getAlgorithm()).isEqualTo(key.algorithm());
            assertThat(jws.getHeader().getType().getType()).isEqualTo(VcJwt.TYP);
            assertThat(jws.getHeader().getContentType()).isEqualTo(VcJwt.CTY);
            assertThat(jws.getHeader().getKeyID()).isEqualTo(key.keyId());
            assertThat(jws.getPayload().toJSONObject()).containsEntry("iss", key.did());
            assertThat(jws.getSignature().decode()).hasSize(64);
        }
        final String instruction = VcJwt.signJws("instruction+jwt", null, "{}".getBytes(StandardCharsets.UTF_8), owner);
        assertThat(com.nimbusds.jose.JWSObject.parse(instruction).getHeader().getContentType())
                .isNull();
    }

    @Test
    void verifies_es256_with_a_p256_did_key() {
        final SigningKey p256 = SigningKey.didKey(SigningKey.newP256());
        final SignedCredential signed = VcJwt.sign(Fixtures.claim(p256.did()).build(), p256, Fixtures.NOW);

        assertThat(p256.did()).startsWith("did:key:zDn");
        assertThat(verifier.verify(signed.compact()).algorithm()).isEqualTo("ES256");
    }

    @Test
    void verifies_a_did_web_issuer_from_a_supplied_document() {
        final String did = "did:web:validator.impactproof.org";
        final SigningKey key = SigningKey.of(did + "#key-1", SigningKey.newEd25519());
        final DocumentKeyResolver documents = new DocumentKeyResolver()
                .add(DidWeb.resolve(
                        did,
                        DidWeb.document(did, Map.of("key-1", key.publicKey())).toJson()));
        final SignedCredential signed = VcJwt.sign(Fixtures.claim(did).build(), key, Fixtures.NOW);

        final VcJwtVerifier webVerifier = VcJwtVerifier.builder(DidKey.RESOLVER.orElse(documents))
                .clock(Fixtures.CLOCK)
                .build();

        assertThat(webVerifier.verify(signed.compact()).credential().issuerId()).isEqualTo(did);
    }

    @Test
    void rejects_a_tampered_payload() {
        final String[] parts = signed().compact().split("\\.");
        final String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"parcels\":120", "\"parcels\":1200");
        final String tampered = parts[0] + "." + b64(payload) + "." + parts[2];

        assertCode(() -> verifier.verify(tampered), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejects_a_signature_by_another_key_under_the_issuers_kid() {
        final SigningKey intruder = SigningKey.of(owner.keyId(), SigningKey.newEd25519());
        final String forged = VcJwt.signJws(
                "vc+jwt",
                "vc",
                signed().compact()
                        .split("\\.")[1]
                        .transform(p -> Base64.getUrlDecoder().decode(p)),
                intruder);

        assertCode(() -> verifier.verify(forged), ErrorCode.SIGNATURE_INVALID);
    }

    @Test
    void rejects_a_credential_whose_issuer_is_not_the_signer() {
        final SigningKey other = SigningKey.generateEd25519DidKey();
        final ObjectNode payload = Fixtures.claim(owner.did()).build().toJson();
        final String compact =
                VcJwt.signJws("vc+jwt", "vc", Json.write(payload).getBytes(StandardCharsets.UTF_8), other);

        assertCode(() -> verifier.verify(compact), ErrorCode.KEY_MISMATCH);
        assertCode(() -> VcJwt.sign(Fixtures.claim(owner.did()).build(), other, Fixtures.NOW), ErrorCode.KEY_MISMATCH);
    }

    @Test
    void rejects_expired_and_not_yet_valid_credentials_beyond_the_leeway() {
        final SignedCredential signed = signed();
        final VcJwtVerifier late = atTime("2026-12-31T00:05:01Z");
        final VcJwtVerifier justInLeeway = atTime("2026-12-31T00:04:59Z");
        final VcJwtVerifier early = atTime("2026-04-30T23:54:59Z");

        assertCode(() -> late.verify(signed.compact()), ErrorCode.EXPIRED);
        assertThat(justInLeeway.verify(signed.compact())).isNotNull();
        assertCode(() -> early.verify(signed.compact()), ErrorCode.NOT_YET_VALID);
    }

    @Test
    void rejects_an_expired_signature_exp() {
        final ObjectNode payload =
                Fixtures.claim(owner.did()).build().toJson().put("exp", Fixtures.NOW.getEpochSecond() - 3600);
        final String compact = VcJwt.signJws("vc+jwt", "vc", bytes(payload), owner);

        assertCode(() -> verifier.verify(compact), ErrorCode.EXPIRED);
    }

    @Test
    void rejects_alg_none_even_when_everything_else_is_right() {
        final String payload = signed().compact().split("\\.")[1];
        final String none =
                b64("{\"alg\":\"none\",\"typ\":\"vc+jwt\",\"kid\":\"" + owner.keyId() + "\"}") + "." + payload + ".";
        final String noneWithSig = none + "AAAA";

        assertCode(() -> verifier.verify(none), ErrorCode.ALG_NOT_ALLOWED);
        assertCode(() -> verifier.verify(noneWithSig), ErrorCode.ALG_NOT_ALLOWED);
    }

    @Test
    void rejects_algorithms_outside_the_allow_list() {
        final SigningKey p256 = SigningKey.didKey(SigningKey.newP256());
        final String compact = VcJwt.sign(Fixtures.claim(p256.did()).build(), p256, Fixtures.NOW)
                .compact();
        final VcJwtVerifier edOnly = VcJwtVerifier.builder(DidKey.RESOLVER)
                .clock(Fixtures.CLOCK)
                .algorithms(Set.of(JWSAlgorithm.EdDSA))
                .build();

        assertCode(() -> edOnly.verify(compact), ErrorCode.ALG_NOT_ALLOWED);
        final String hs256 = b64("{\"alg\":\"HS256\",\"typ\":\"vc+jwt\",\"kid\":\"" + owner.keyId() + "\"}") + "."
                + compact.split("\\.")[1] + ".c2ln";
        assertCode(() -> verifier.verify(hs256), ErrorCode.ALG_NOT_ALLOWED);
    }

    @Test
    void rejects_a_wrong_typ_or_cty() {
        final ObjectNode payload = Fixtures.claim(owner.did()).build().toJson();

        assertCode(() -> verifier.verify(VcJwt.signJws("bad+typ", "vc", bytes(payload), owner)), ErrorCode.TYP_INVALID);
        assertCode(() -> verifier.verify(VcJwt.signJws("JWT", null, bytes(payload), owner)), ErrorCode.TYP_INVALID);
        assertCode(() -> verifier.verify(VcJwt.signJws("vc+jwt", "vp", bytes(payload), owner)), ErrorCode.CTY_INVALID);
        assertThat(verifier.verify(VcJwt.signJws("application/vc+jwt", null, bytes(payload), owner)))
                .isNotNull();
    }

    @Test
    void rejects_malformed_input() {
        assertCode(() -> verifier.verify(""), ErrorCode.MALFORMED_JWT);
        assertCode(() -> verifier.verify("a.b"), ErrorCode.MALFORMED_JWT);
        assertCode(() -> verifier.verify("***.b.c"), ErrorCode.MALFORMED_JWT);
        assertCode(() -> verifier.verify(b64("{not json") + ".e30.c2ln"), ErrorCode.MALFORMED_JSON);
        assertCode(
                () -> verifier.verify(b64("{\"alg\":\"EdDSA\",\"alg\":\"none\"}") + ".e30.c2ln"),
                ErrorCode.MALFORMED_JSON);
        final String notJsonPayload =
                VcJwt.signJws("vc+jwt", "vc", "{\"@context\":".getBytes(StandardCharsets.UTF_8), owner);
        assertCode(() -> verifier.verify(notJsonPayload), ErrorCode.MALFORMED_JSON);
        // Bytes that are not UTF-8 are refused, not read with replacement characters.
        final byte[] latin1 = Json.write(Fixtures.claim(owner.did()).build().toJson())
                .replace("\"parcels\":120", "\"note\":\"caf\u00e9\",\"parcels\":120")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertCode(() -> verifier.verify(VcJwt.signJws("vc+jwt", "vc", latin1, owner)), ErrorCode.MALFORMED_JSON);
        final String[] parts = signed().compact().split("\\.");
        assertCode(() -> verifier.verify(parts[0] + "." + parts[1] + ".sig*"), ErrorCode.MALFORMED_JWT);
        assertCode(() -> verifier.verify(parts[0] + ".e30*." + parts[2]), ErrorCode.MALFORMED_JWT);
    }

    @Test
    void verifies_exactly_the_signed_bytes_with_either_algorithm() {
        final SigningKey p256 = SigningKey.didKey(SigningKey.newP256());
        for (final SigningKey key : java.util.List.of(owner, p256)) {
            final String[] parts = VcJwt.sign(Fixtures.claim(key.did()).build(), key, Fixtures.CLOCK.instant())
                    .compact()
                    .split("\\.");
            final byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
            signature[signature.length - 1] ^= 1;
            final String flipped = parts[0] + "." + parts[1] + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
            assertThat(verifier.verify(String.join(".", parts)).credential().issuerId())
                    .isEqualTo(key.did());
            assertCode(() -> verifier.verify(flipped), ErrorCode.SIGNATURE_INVALID);
        }
    }

    @Test
    void rejects_oversized_input_before_parsing() {
        final VcJwtVerifier small = VcJwtVerifier.builder(DidKey.RESOLVER)
                .clock(Fixtures.CLOCK)
                .maxBytes(256)
                .build();

        assertCode(() -> small.verify(signed().compact()), ErrorCode.INPUT_TOO_LARGE);
        assertCode(() -> verifier.verify("a".repeat(JwsVerifier.DEFAULT_MAX_BYTES + 1)), ErrorCode.INPUT_TOO_LARGE);
    }

    @Test
    void rejects_vc_and_vp_claims_and_a_conflicting_iss() {
        final ObjectNode withVc = Fixtures.claim(owner.did()).build().toJson();
        withVc.set("vc", Json.object());
        final ObjectNode wrongIss = Fixtures.claim(owner.did()).build().toJson().put("iss", "did:example:other");

        assertCode(
                () -> verifier.verify(VcJwt.signJws("vc+jwt", "vc", bytes(withVc), owner)), ErrorCode.CLAIM_FORBIDDEN);
        assertCode(
                () -> verifier.verify(VcJwt.signJws("vc+jwt", "vc", bytes(wrongIss), owner)),
                ErrorCode.ISSUER_MISMATCH);
    }

    @Test
    void rejects_missing_kid_crit_and_unknown_keys() {
        final String payload = signed().compact().split("\\.")[1];
        final String noKid = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\"}") + "." + payload + ".c2ln";
        final String crit =
                b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"" + owner.keyId() + "\",\"crit\":[\"x\"],\"x\":1}")
                        + "." + payload + ".c2ln";
        final String webKid = b64("{\"alg\":\"EdDSA\",\"typ\":\"vc+jwt\",\"kid\":\"did:web:nowhere.example#k\"}") + "."
                + payload + ".c2ln";

        assertCode(() -> verifier.verify(noKid), ErrorCode.KID_MISSING);
        assertCode(() -> verifier.verify(crit), ErrorCode.CRIT_UNSUPPORTED);
        assertCode(() -> verifier.verify(webKid), ErrorCode.DID_METHOD_UNSUPPORTED);
    }

    @Test
    void applies_required_types_and_rules_last() {
        final VcJwtVerifier typed = VcJwtVerifier.builder(DidKey.RESOLVER)
                .clock(Fixtures.CLOCK)
                .requireType("ProofOfImpactCredential")
                .build();
        final VcJwtVerifier ruled = VcJwtVerifier.builder(DidKey.RESOLVER)
                .clock(Fixtures.CLOCK)
                .rule(vc -> {
                    throw new CredentialException(ErrorCode.CREDENTIAL_RULE_FAILED, "no");
                })
                .build();

        assertCode(() -> typed.verify(signed().compact()), ErrorCode.TYPE_NOT_EXPECTED);
        assertCode(() -> ruled.verify(signed().compact()), ErrorCode.CREDENTIAL_RULE_FAILED);
    }

    @Test
    void rejection_and_crypto_failure_are_distinct_kinds() {
        final CredentialException rejected = new CredentialException(ErrorCode.SIGNATURE_INVALID, "x");
        final CredentialException crypto = new CredentialException(ErrorCode.CRYPTO_FAILURE, "x");

        assertThat(rejected.isRejection()).isTrue();
        assertThat(crypto.isRejection()).isFalse();
        assertThat(rejected.getMessage()).startsWith("SIGNATURE_INVALID: ");
        assertCode(() -> SigningKey.parse(owner.keyId(), "{}"), ErrorCode.CRYPTO_FAILURE);
        assertCode(() -> SigningKey.of(owner.keyId(), owner.publicKey()), ErrorCode.CRYPTO_FAILURE);
    }

    @Test
    void a_signing_key_survives_its_key_store_form() {
        final SigningKey reread = SigningKey.parse(owner.keyId(), owner.toPrivateJwkJson());
        final SignedCredential signed = VcJwt.sign(Fixtures.claim(owner.did()).build(), reread, Fixtures.NOW);

        assertThat(verifier.verify(signed.compact()).keyId()).isEqualTo(owner.keyId());
    }

    private static VcJwtVerifier atTime(final String instant) {
        return VcJwtVerifier.builder(DidKey.RESOLVER)
                .clock(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC))
                .leeway(Duration.ofMinutes(5))
                .build();
    }

    private static byte[] bytes(final ObjectNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(final String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
