package io.impactproof.benchmarks;

import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.credentials.vc.RelatedResource;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * vc+jwt sign and verify throughput for a realistic impact claim (about 1.5 KB of JSON), with the
 * full verification pipeline (did:key resolution, data model, validity period).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VcJwtBenchmark {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Param({"EdDSA", "ES256"})
    public String algorithm;

    private SigningKey key;
    private VerifiableCredential credential;
    private String compact;
    private VcJwtVerifier verifier;

    @Setup
    public void setUp() {
        key = "EdDSA".equals(algorithm) ? SigningKey.generateEd25519DidKey() : SigningKey.didKey(SigningKey.newP256());
        credential = claim(key.did());
        compact = VcJwt.sign(credential, key, NOW).compact();
        verifier = VcJwtVerifier.builder(DidKey.RESOLVER)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .requireType("ImpactClaimCredential")
                .build();
    }

    @Benchmark
    public String sign() {
        return VcJwt.sign(credential, key, NOW).compact();
    }

    @Benchmark
    public SignedCredential verify() {
        return verifier.verify(compact);
    }

    static VerifiableCredential claim(final String issuer) {
        final byte[] evidence =
                "date,tracking,parcels,km\n2026-03-10,CB-2026-000123,3,12.5\n".getBytes(StandardCharsets.UTF_8);
        return VerifiableCredential.builder()
                .context("https://impactproof.org/ns/impact/v1")
                .type("ImpactClaimCredential")
                .id("urn:uuid:6f1c0c3e-2b7d-4f57-9a55-0c1b8a3e9f10")
                .issuer(issuer)
                .validFrom(Instant.parse("2026-03-11T00:00:00Z"))
                .subject(Json.object()
                        .put("type", "ImpactClaim")
                        .put("protocol", "cargo-bike-delivery@1.1.0")
                        .set(
                                "data",
                                Json.parse("{\"carrier_siren\":\"552100554\",\"tracking_id\":\"CB-2026-000123\","
                                        + "\"courier_id\":\"courier-7\",\"delivered_on\":\"2026-03-10\",\"zone\":\"rural\","
                                        + "\"mode\":\"cargo-bike\",\"parcels\":3,\"distance_km\":12.5}")))
                .evidence(Json.object()
                        .put("id", "https://registry.example/artifacts/sha256/b7c7a717ce9e4a0b")
                        .put("type", "Evidence")
                        .put("mediaType", "text/csv"))
                .relatedResource(RelatedResource.of(
                        "https://registry.example/artifacts/sha256/b7c7a717ce9e4a0b", "text/csv", evidence))
                .status(StatusEntry.of("https://registry.example/status/r1", "revocation", 48_213))
                .status(StatusEntry.of("https://registry.example/status/s1", "suspension", 90_377))
                .build();
    }
}
