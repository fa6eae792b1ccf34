package io.impactproof.credentials.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Verifies {@code vc+jwt} credentials. This class is immutable and thread-safe.
 *
 * <p>The pipeline: the JWS checks of {@link JwsVerifier} (algorithm allow-list → key resolution →
 * signature) → the key must belong to the issuer → forbidden claims and {@code iss} → the VC 2.0
 * data model → validity period against the injected clock with an explicit leeway → required types
 * → the configured {@link CredentialRule}s. A rejected input and a crypto failure raise distinct
 * codes ({@link CredentialException#isRejection()}).
 *
 * <pre>{@code
 * VcJwtVerifier verifier = VcJwtVerifier.builder(DidKey.RESOLVER)
 *         .clock(Clock.systemUTC())
 *         .leeway(Duration.ofMinutes(5))
 *         .requireType("ImpactClaimCredential")
 *         .build();
 * SignedCredential claim = verifier.verify(compact);
 * }</pre>
 */
public final class VcJwtVerifier {
    // The JWT claims VC-JOSE-COSE adds around the credential; they are not part of its document.
    private static final List<String> JWT_CLAIMS = List.of("iss", "iat", "exp", "nbf");

    private final JwsVerifier jws;
    private final Clock clock;
    private final Duration leeway;
    private final List<String> requiredTypes;
    private final List<CredentialRule> rules;

    private VcJwtVerifier(final Builder builder) {
        this.jws = new JwsVerifier(builder.keys, builder.algorithms, VcJwt.TYP, VcJwt.CTY, builder.maxBytes);
        this.clock = builder.clock;
        this.leeway = builder.leeway;
        this.requiredTypes = List.copyOf(builder.requiredTypes);
        this.rules = List.copyOf(builder.rules);
    }

    public static Builder builder(final KeyResolver keys) {
        return new Builder(keys);
    }

    /** Verifies a compact {@code vc+jwt}; throws {@link CredentialException} with the first failure. */
    public SignedCredential verify(final String compact) {
        final VerifiedJws verified = jws.verify(compact);
        final ObjectNode document = Json.parseObject(verified.payload());
        if (document.has("vc") || document.has("vp")) {
            throw new CredentialException(ErrorCode.CLAIM_FORBIDDEN, "the JWT claims vc and vp MUST NOT be present");
        }
        // The registered claims are taken out of the parsed payload (ours alone) rather than out of a copy.
        final ObjectNode payload = Json.object();
        for (final String claim : JWT_CLAIMS) {
            final JsonNode value = document.remove(claim);
            if (value != null) {
                payload.set(claim, value);
            }
        }
        final VerifiableCredential credential = VerifiableCredential.fromOwnedJson(document);
        if (!credential.issuerId().equals(verified.key().controller())) {
            throw new CredentialException(
                    ErrorCode.KEY_MISMATCH,
                    "signed with a key of " + verified.key().controller() + ", issued by " + credential.issuerId());
        }
        final JsonNode iss = payload.get("iss");
        if (iss != null && !credential.issuerId().equals(iss.stringValue(null))) {
            throw new CredentialException(ErrorCode.ISSUER_MISMATCH, "iss " + iss + " is not " + credential.issuerId());
        }
        checkValidity(credential, payload);
        for (final String type : requiredTypes) {
            if (!credential.hasType(type)) {
                throw new CredentialException(ErrorCode.TYPE_NOT_EXPECTED, "expected the type " + type);
            }
        }
        for (final CredentialRule rule : rules) {
            rule.check(credential);
        }
        return new SignedCredential(compact, credential, verified.key().keyId(), verified.algorithm());
    }

    private void checkValidity(final VerifiableCredential credential, final ObjectNode payload) {
        final Instant now = clock.instant();
        if (credential.validFrom().isPresent()
                && now.plus(leeway).isBefore(credential.validFrom().get())) {
            throw new CredentialException(
                    ErrorCode.NOT_YET_VALID,
                    "valid from " + credential.validFrom().get());
        }
        if (credential.validUntil().isPresent()
                && now.minus(leeway).isAfter(credential.validUntil().get())) {
            throw new CredentialException(
                    ErrorCode.EXPIRED, "valid until " + credential.validUntil().get());
        }
        final JsonNode exp = payload.get("exp");
        if (exp != null && (!exp.isNumber() || now.minus(leeway).isAfter(Instant.ofEpochSecond(exp.longValue())))) {
            throw new CredentialException(ErrorCode.EXPIRED, "the signature expired (exp " + exp + ")");
        }
        final JsonNode nbf = payload.get("nbf");
        if (nbf != null && (!nbf.isNumber() || now.plus(leeway).isBefore(Instant.ofEpochSecond(nbf.longValue())))) {
            throw new CredentialException(ErrorCode.NOT_YET_VALID, "not before " + nbf);
        }
    }

    /** Configures a verifier. Not thread-safe; the verifier it builds is. */
    public static final class Builder {
        private final KeyResolver keys;
        private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256);
        private Clock clock = Clock.systemUTC();
        private Duration leeway = Duration.ofMinutes(5);
        private int maxBytes = JwsVerifier.DEFAULT_MAX_BYTES;
        private final List<String> requiredTypes = new ArrayList<>();
        private final List<CredentialRule> rules = new ArrayList<>();

        private Builder(final KeyResolver keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
        }

        /** The algorithm allow-list; {@code none} can never be allowed. */
        public Builder algorithms(final Set<JWSAlgorithm> allowed) {
            this.algorithms = Set.copyOf(allowed);
            return this;
        }

        public Builder clock(final Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Tolerated clock skew on validFrom, validUntil, exp and nbf. */
        public Builder leeway(final Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("leeway must not be negative");
            }
            this.leeway = value;
            return this;
        }

        public Builder maxBytes(final int value) {
            this.maxBytes = value;
            return this;
        }

        public Builder requireType(final String type) {
            requiredTypes.add(type);
            return this;
        }

        public Builder rule(final CredentialRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        public VcJwtVerifier build() {
            return new VcJwtVerifier(this);
        }
    }
}
