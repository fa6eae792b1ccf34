package io.impactproof.gateway.publicapi;

import io.impactproof.chaincode.certificate.CertificateRecord;
import io.impactproof.chaincode.participant.Participant;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.credentials.did.DidDocument;
import io.impactproof.credentials.did.VerificationMethod;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.auth.SignedReads;
import io.impactproof.gateway.ledger.Registry;
import io.impactproof.gateway.store.ContentStore;
import io.impactproof.gateway.trust.TrustChain;
import io.impactproof.gateway.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What anyone may read without an account: certificates, trust chains, stored credentials, protocols, DID documents. */
@RestController
@Tag(name = "public", description = "Financers and the public verify certificates and follow their trust chain")
class PublicController {
    private final Registry registry;
    private final ContentStore store;
    private final TrustChain chains;
    private final SignedReads reads;

    PublicController(final Registry registry, final ContentStore store, final SignedReads reads) {
        this.registry = registry;
        this.store = store;
        this.reads = reads;
        this.chains = new TrustChain(registry, store);
    }

    @GetMapping("/certificates/{serial}")
    @Operation(summary = "A certificate as the ledger records it")
    ResponseEntity<CertificateRecord> certificate(@PathVariable final String serial) {
        // One URL, two representations (JSON record, vc+jwt credential): caches must key on Accept.
        return ResponseEntity.ok()
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .cacheControl(CacheControl.noCache())
                .body(registry.certificate(serial));
    }

    @GetMapping(value = "/certificates/{serial}/credential", produces = SignedCredential.MEDIA_TYPE)
    @Operation(summary = "The certificate credential, exact vc+jwt bytes")
    ResponseEntity<byte[]> credentialOf(@PathVariable final String serial) {
        return certificateCredential(serial);
    }

    @GetMapping(value = "/certificates/{serial}", produces = SignedCredential.MEDIA_TYPE)
    @Operation(summary = "The certificate credential, exact vc+jwt bytes (Accept: application/vc+jwt)")
    ResponseEntity<byte[]> certificateCredential(@PathVariable final String serial) {
        final CertificateRecord record = registry.certificate(serial);
        if (record.credentialDigestSRI() == null) {
            throw new ApiException("NOT_FOUND", serial + " has no credential attached yet");
        }
        final String hex = store.findBySri(record.credentialDigestSRI())
                .orElseThrow(() ->
                        new ApiException("NOT_FOUND", "the credential of " + serial + " is not stored on this node"));
        return serve(store.get(hex).orElseThrow());
    }

    @GetMapping("/certificates/{serial}/chain")
    @Operation(
            summary =
                    "The trust chain certificate → attestations → claim → protocol → evidence, each digest recomputed")
    TrustChain.Link chain(@PathVariable final String serial) {
        return chains.of(serial);
    }

    @GetMapping("/artifacts/sha256/{hex}")
    @Operation(
            summary =
                    "A stored attestation or certificate credential (public), or an evidence file (for registered participants, "
                            + "with Authorization: Instruction <artifacts.read {sha256}>); immutable, checked against its digest. Claims, which may "
                            + "hold personal data, are read at /verifiers/claims/{id}/credential")
    ResponseEntity<byte[]> artifact(
            @PathVariable final String hex,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final var object = store.get(hex).orElseThrow(() -> new ApiException("NOT_FOUND", "no object " + hex));
        if (!SignedCredential.MEDIA_TYPE.equals(object.mediaType())) {
            reads.requireParticipant(authorization, hex);
        } else if (io.impactproof.gateway.store.Credentials.parse(new String(object.bytes(), StandardCharsets.US_ASCII))
                .credential()
                .hasType("ImpactClaimCredential")) {
            throw new ApiException(
                    "FORBIDDEN",
                    "a claim is read with a signed claims.read instruction at /verifiers/claims/{id}/credential");
        }
        return serve(object);
    }

    private static ResponseEntity<byte[]> serve(final ContentStore.StoredObject object) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, object.mediaType())
                .cacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .eTag("\"" + object.sha256() + "\"")
                .body(object.bytes());
    }

    @GetMapping(value = "/credentials", produces = SignedCredential.MEDIA_TYPE)
    @Operation(
            summary =
                    "A stored credential by its id (?id=…), exact vc+jwt bytes; claims, which may hold personal data, "
                            + "are read through /verifiers/claims/{id}/credential instead")
    ResponseEntity<byte[]> credentialById(@RequestParam final String id) {
        final String hex =
                store.findById(id).orElseThrow(() -> new ApiException("NOT_FOUND", "no stored credential " + id));
        final var credential = io.impactproof.gateway.store.Credentials.read(store, hex);
        if (credential.credential().hasType("ImpactClaimCredential")) {
            throw new ApiException(
                    "FORBIDDEN",
                    "a claim is read with a signed claims.read instruction at /verifiers/claims/{id}/credential");
        }
        return serve(store.get(hex).orElseThrow());
    }

    @GetMapping("/protocols")
    @Operation(summary = "Every published protocol version")
    List<PublishedProtocol> protocols() {
        return registry.protocols();
    }

    @GetMapping(value = "/protocols/{id}/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A protocol's canonical definition (RFC 8785 JSON), the bytes its digest is over")
    ResponseEntity<byte[]> protocol(@PathVariable final String id, @PathVariable final String version) {
        final PublishedProtocol p = registry.protocol(id, version);
        return ResponseEntity.ok()
                .header("Digest-SHA256", p.digest())
                .header("Digest-SRI", p.digestSRI())
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(p.definition().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/participants/{did}")
    @Operation(summary = "A participant as registered on the ledger")
    Participant participant(@PathVariable final String did) {
        return registry.participant(did);
    }

    @GetMapping(value = "/participants/{did}/did.json", produces = "application/did+json")
    @Operation(summary = "The DID document of a participant, from the keys registered on the ledger")
    String didDocument(@PathVariable final String did) {
        final Participant p = registry.participant(did);
        final List<VerificationMethod> methods = new ArrayList<>();
        p.keys().forEach((keyId, jwk) -> {
            try {
                methods.add(new VerificationMethod(
                        keyId, VerificationMethod.JSON_WEB_KEY, did, com.nimbusds.jose.jwk.JWK.parse(jwk)));
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        });
        final List<String> refs = methods.stream().map(VerificationMethod::id).toList();
        return new DidDocument(did, methods, p.active() ? refs : List.of(), p.active() ? refs : List.of())
                .toJson()
                .toString();
    }
}
