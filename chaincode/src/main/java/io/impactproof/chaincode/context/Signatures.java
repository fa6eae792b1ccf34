package io.impactproof.chaincode.context;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.impactproof.chaincode.participant.Participants;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.Parallel;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.did.KeyResolver;
import io.impactproof.credentials.did.ResolvedKey;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.JwsVerifier;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.credentials.jwt.VerifiedJws;
import io.impactproof.model.Actions;
import io.impactproof.model.RegistryError;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signature pipeline of a transaction: signed credentials and signed instructions, verified
 * against the keys registered on the ledger at this transaction, at the transaction time. Each
 * signature is verified once, here. Not thread-safe (one per transaction); batches verify in
 * parallel internally.
 */
public final class Signatures {
    private final State state;
    private final LedgerKeys keys;
    private final Instant now;

    Signatures(final State state, final Participants participants, final Instant now) {
        this.state = state;
        this.keys = new LedgerKeys(participants);
        this.now = now;
    }

    /**
     * Verifies a batch of vc+jwt, the signatures in parallel on all cores: the keys are first
     * resolved from the ledger one by one on this thread (the stub is not shared between threads),
     * then each credential is verified against that snapshot. The outcome of item {@code i} is at
     * index {@code i}: the credential, or the exception that refused it; deterministic whatever the
     * thread schedule.
     */
    public List<Verified> credentials(final List<String> compacts, final String requiredType) {
        return credentials(compacts, requiredType, keys);
    }

    /**
     * As {@link #credentials(List, String)}, for credentials signed by people who are not
     * registered participants: their did:key is the key (an employee's consent).
     */
    public List<Verified> selfCertified(final List<String> compacts, final String requiredType) {
        return credentials(compacts, requiredType, DidKey.RESOLVER);
    }

    /** A signed instruction by a did:key that need not be registered (an employee withdrawing consent). */
    public Instruction selfCertifiedInstruction(final String compact, final String action) {
        return instruction(compact, action, DidKey.RESOLVER);
    }

    private List<Verified> credentials(final List<String> compacts, final String requiredType, final KeyResolver keys) {
        final Map<String, ResolvedKey> resolved = new HashMap<>();
        final Map<String, CredentialException> unresolved = new HashMap<>();
        for (final String compact : compacts) {
            final String kid = kidOf(compact);
            if (kid != null && !resolved.containsKey(kid) && !unresolved.containsKey(kid)) {
                try {
                    resolved.put(kid, keys.resolve(kid));
                } catch (CredentialException e) {
                    unresolved.put(kid, e);
                }
            }
        }
        final KeyResolver snapshot = kid -> {
            final ResolvedKey key = resolved.get(kid);
            if (key == null) {
                throw unresolved.getOrDefault(
                        kid, new CredentialException(ErrorCode.KEY_NOT_FOUND, String.valueOf(kid)));
            }
            return key;
        };
        final VcJwtVerifier verifier = VcJwtVerifier.builder(snapshot)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .requireType(requiredType)
                .build();
        return Parallel.map(compacts, compact -> {
            try {
                return new Verified(verifier.verify(compact), null);
            } catch (CredentialException e) {
                return new Verified(null, RegistryException.of(e));
            }
        });
    }

    /** The outcome of verifying one credential of a batch. */
    public record Verified(SignedCredential credential, RegistryException failure) {
        /** The credential, or the failure thrown. */
        public SignedCredential get() {
            if (failure != null) {
                throw failure;
            }
            return credential;
        }
    }

    private static String kidOf(final String compact) {
        final int dot = compact.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            return Json.parseObject(Base64.getUrlDecoder().decode(compact.substring(0, dot)))
                    .path("kid")
                    .stringValue(null);
        } catch (IllegalArgumentException | CredentialException e) {
            return null;
        }
    }

    /**
     * Verifies a signed instruction for {@code action}: signature by a registered key, the action it
     * names, its age, and that it was never executed before (it is then recorded).
     */
    public Instruction instruction(final String compact, final String action) {
        return instruction(compact, action, keys);
    }

    /**
     * As {@link #instruction(String, String)}, but a key the ledger does not know may be one of
     * {@code presented} (DID URL → public JWK): a participant registering itself signs with the key
     * it presents. The caller decides whether such a signer may act.
     */
    public Instruction instructionWithFallback(
            final String compact, final String action, final Map<String, String> presented) {
        final KeyResolver fallback = keyId -> {
            final String jwk = presented.get(keyId);
            if (jwk == null) {
                throw new CredentialException(ErrorCode.KEY_NOT_FOUND, keyId);
            }
            try {
                return new ResolvedKey(keyId, DidUrl.parse(keyId).did(), JWK.parse(jwk));
            } catch (ParseException e) {
                throw new CredentialException(ErrorCode.KEY_NOT_FOUND, keyId + ": " + e.getMessage(), e);
            }
        };
        return instruction(compact, action, keys.orElse(fallback));
    }

    private Instruction instruction(final String compact, final String action, final KeyResolver resolver) {
        final VerifiedJws jws;
        final ObjectNode payload;
        try {
            jws = new JwsVerifier(
                            resolver,
                            Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256),
                            Actions.INSTRUCTION_TYP,
                            null,
                            JwsVerifier.DEFAULT_MAX_BYTES)
                    .verify(compact);
            payload = Json.parseObject(new String(jws.payload(), StandardCharsets.UTF_8));
        } catch (CredentialException e) {
            throw RegistryException.of(e);
        }
        if (!action.equals(payload.path("action").stringValue(null))) {
            throw new RegistryException(
                    RegistryError.INSTRUCTION_INVALID,
                    "the instruction is for " + payload.path("action") + ", not " + action);
        }
        final JsonNode iat = payload.get("iat");
        if (iat == null || !iat.isIntegralNumber() || !iat.canConvertToLong()) {
            throw new RegistryException(RegistryError.INSTRUCTION_INVALID, "the instruction has no iat");
        }
        final Duration age =
                Duration.between(Instant.ofEpochSecond(iat.longValue()), now).abs();
        if (age.compareTo(Actions.INSTRUCTION_WINDOW) > 0) {
            throw new RegistryException(
                    RegistryError.INSTRUCTION_INVALID,
                    "the instruction was signed " + age + " away from the transaction time");
        }
        final JsonNode args = payload.path("args");
        if (!args.isObject()) {
            throw new RegistryException(RegistryError.INSTRUCTION_INVALID, "args must be an object");
        }
        final String digest = Digests.sha256Hex(compact.getBytes(StandardCharsets.US_ASCII));
        final String replayKey = State.key(Keys.INSTRUCTION, digest);
        if (state.exists(replayKey)) {
            throw new RegistryException(
                    RegistryError.INSTRUCTION_REPLAYED, "instruction " + digest + " was already executed");
        }
        state.mark(replayKey, action);
        return new Instruction(jws.key().controller(), action, args, digest);
    }
}
