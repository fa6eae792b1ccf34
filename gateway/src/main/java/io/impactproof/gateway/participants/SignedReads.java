package io.impactproof.gateway.participants;

import com.nimbusds.jose.JWSAlgorithm;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.JwsVerifier;
import io.impactproof.credentials.jwt.VerifiedJws;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.model.Actions;
import io.impactproof.model.RegistryError;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * Authorises reads of personal data (a claim's data): the request carries, in
 * {@code Authorization: Instruction <jws>}, an instruction {@code claims.read} for that claim signed
 * by a key registered on the ledger, within ten minutes. Thread-safe.
 */
@Component
public class SignedReads {
    public static final String SCHEME = "Instruction ";
    public static final String READ_CLAIM = Actions.READ_CLAIM;
    public static final String READ_ARTIFACT = Actions.READ_ARTIFACT;

    private final JwsVerifier verifier;
    private final RegistryClient registry;
    private final Clock clock;

    SignedReads(final LedgerKeyResolver keys, final RegistryClient registry, final Clock clock) {
        this.verifier = new JwsVerifier(
                keys,
                Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.ES256),
                Actions.INSTRUCTION_TYP,
                null,
                JwsVerifier.DEFAULT_MAX_BYTES);
        this.registry = registry;
        this.clock = clock;
    }

    /** Fails unless the header is a valid {@code artifacts.read} instruction for this object by an active registered participant. */
    public String requireParticipant(final String authorization, final String sha256) {
        final ObjectNode args = verified(authorization, READ_ARTIFACT);
        if (!sha256.equals(args.path("args").path("sha256").stringValue(null))) {
            throw new ApiException(
                    RegistryError.INSTRUCTION_INVALID, "the instruction must be artifacts.read for " + sha256);
        }
        return args.path("signer").stringValue();
    }

    /**
     * Fails unless the header is a valid {@code evidence.upload} instruction for exactly these bytes
     * ({@code args.sha256}) by an active registered owner of this gateway's organisation; returns the owner's DID.
     */
    public String requireUploader(final String authorization, final String sha256, final String organisation) {
        final ObjectNode payload = verified(authorization, Actions.UPLOAD_EVIDENCE);
        if (!sha256.equals(payload.path("args").path("sha256").stringValue(null))) {
            throw new ApiException(
                    RegistryError.INSTRUCTION_INVALID,
                    "the instruction must be evidence.upload for the uploaded bytes, sha256 " + sha256);
        }
        final String signer = payload.path("signer").stringValue();
        final var participant = registry.participant(signer);
        if (!participant.has(io.impactproof.model.participant.Role.OWNER)) {
            throw new ApiException(
                    RegistryError.WRONG_ROLE, signer + " is not an owner: evidence belongs to a claim's owner");
        }
        if (!participant.active()) {
            throw new ApiException(RegistryError.PARTICIPANT_INACTIVE, signer + " is deactivated");
        }
        if (!organisation.equals(participant.organisation())) {
            // Evidence is stored by the owner's own organisation, which answers for what it serves.
            throw new ApiException(
                    RegistryError.WRONG_ORGANISATION,
                    signer + " belongs to " + participant.organisation() + "; upload evidence to its own gateway");
        }
        return signer;
    }

    /**
     * Fails unless the header is a valid instruction {@code action} whose {@code args.field} is
     * {@code value}, signed by a key registered on the ledger; returns the signer's DID.
     */
    public String requireSigner(
            final String authorization, final String action, final String field, final String value) {
        final ObjectNode payload = verified(authorization, action);
        if (!value.equals(payload.path("args").path(field).stringValue(null))) {
            throw new ApiException(
                    RegistryError.INSTRUCTION_INVALID,
                    "the instruction must be " + action + " for " + field + " " + value);
        }
        return payload.path("signer").stringValue();
    }

    private ObjectNode verified(final String authorization, final String action) {
        if (authorization == null || !authorization.startsWith(SCHEME)) {
            throw new ApiException(
                    ApiError.AUTHORIZATION_REQUIRED,
                    "this read needs Authorization: Instruction <signed " + action + " instruction>");
        }
        final VerifiedJws jws =
                verifier.verify(authorization.substring(SCHEME.length()).trim());
        final ObjectNode payload = Json.parseObject(new String(jws.payload(), StandardCharsets.UTF_8));
        if (!action.equals(payload.path("action").stringValue(null))) {
            throw new ApiException(RegistryError.INSTRUCTION_INVALID, "the instruction must be " + action);
        }
        final Duration age = Duration.between(
                        Instant.ofEpochSecond(payload.path("iat").asLong(0)), clock.instant())
                .abs();
        if (age.compareTo(Actions.INSTRUCTION_WINDOW) > 0) {
            throw new ApiException(
                    RegistryError.INSTRUCTION_INVALID, "the instruction was signed " + age + " away from now");
        }
        payload.put("signer", jws.key().controller());
        return payload;
    }

    /** Fails unless the header is a valid read instruction by the owner, a verifier or a validator of the claim. */
    public void requireReader(final String authorization, final ClaimRecord claim) {
        final ObjectNode payload = verified(authorization, READ_CLAIM);
        if (!claim.id().equals(payload.path("args").path("claim").stringValue(null))) {
            throw new ApiException(
                    RegistryError.INSTRUCTION_INVALID, "the instruction must be claims.read for " + claim.id());
        }
        final String reader = payload.path("signer").stringValue();
        final PublishedProtocol protocol = registry.protocol(claim.protocol());
        if (!reader.equals(claim.owner())
                && !protocol.verifiers().contains(reader)
                && !protocol.validators().contains(reader)) {
            throw new ApiException(RegistryError.FORBIDDEN, reader + " may not read claim " + claim.id());
        }
    }
}
