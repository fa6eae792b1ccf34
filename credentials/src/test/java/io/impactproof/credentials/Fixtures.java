package io.impactproof.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared test data. */
public final class Fixtures {
    public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Fixtures() {}

    public static VerifiableCredential.Builder claim(final String issuer) {
        return VerifiableCredential.builder()
                .context("https://impactproof.org/ns/impact/v1")
                .type("ImpactClaimCredential")
                .id("urn:uuid:6f1c0c3e-2b7d-4f57-9a55-0c1b8a3e9f10")
                .issuer(issuer)
                .validFrom(Instant.parse("2026-05-01T00:00:00Z"))
                .validUntil(Instant.parse("2026-12-31T00:00:00Z"))
                .subject(Json.object()
                        .put("type", "ImpactClaim")
                        .put("protocol", "cargo-bike-delivery@1.1.0")
                        .put("parcels", 120));
    }

    /** Asserts that the call fails with a {@link CredentialException} of this code. */
    public static void assertCode(final ThrowingCallable call, final ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        CredentialException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
