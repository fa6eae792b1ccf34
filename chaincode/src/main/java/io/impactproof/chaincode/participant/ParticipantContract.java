package io.impactproof.chaincode.participant;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import io.impactproof.chaincode.context.Instruction;
import io.impactproof.chaincode.context.RegistryContext;
import io.impactproof.chaincode.context.RegistryContract;
import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.chaincode.context.Texts;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.did.DidUrl;
import io.impactproof.credentials.json.Json;
import io.impactproof.model.Actions;
import io.impactproof.model.Bounds;
import io.impactproof.model.LedgerJson;
import io.impactproof.model.RegistryError;
import io.impactproof.model.participant.Participant;
import io.impactproof.model.participant.Role;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import tools.jackson.databind.JsonNode;

/**
 * Participants: DIDs with their keys, roles and organisation. Only the operators of an organisation
 * change its participants; the first operator of an organisation registers itself (bootstrap),
 * authorised by the organisation's own Fabric identity. This class is stateless and thread-safe.
 */
@Contract(name = "participants", info = @Info(title = "Participants", version = "1.0.0"))
public final class ParticipantContract extends RegistryContract {

    /** Registers a participant; idempotent when the same participant is registered again. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Register")
    public String register(final RegistryContext ctx, final String instruction) {
        final JsonNode args = Json.parse(unverifiedArgs(instruction));
        final Map<String, String> keys = keys(args.path("did").stringValue(""), args.path("keys"));
        final Instruction signed = ctx.signatures().instructionWithFallback(instruction, Actions.REGISTER, keys);
        final String did = signed.text("did", Bounds.IDENTIFIER);
        final String organisation = signed.text("organisation", Bounds.IDENTIFIER);
        final List<Role> roles = roles(signed.args().path("roles"));
        if (!organisation.equals(ctx.organisation())) {
            throw new RegistryException(
                    RegistryError.WRONG_ORGANISATION, "an organisation registers its own participants");
        }
        // Once the members adopted a charter, only a member registers participants; a new member's
        // first operator is named in the decision that admits it.
        ctx.governance().requireMember(organisation);
        final boolean bootstrap =
                ctx.participants().withRole(organisation, Role.OPERATOR).isEmpty();
        if (bootstrap) {
            if (!signed.signer().equals(did) || !roles.contains(Role.OPERATOR)) {
                throw new RegistryException(
                        RegistryError.FORBIDDEN,
                        organisation + " has no operator yet: its first participant is an operator signing for itself");
            }
        } else {
            ctx.authorisation().requireOperatorOf(signed.signer(), organisation);
        }
        final String name = Texts.bounded(
                "participants.register name", signed.args().path("name").stringValue(did), Bounds.NAME);
        final var existing = ctx.participants().get(did);
        if (existing.isPresent()) {
            final Participant p = existing.get();
            if (p.organisation().equals(organisation)
                    && p.roles().equals(roles)
                    && p.keys().equals(keys)
                    && p.name().equals(name)) {
                return LedgerJson.string(p);
            }
            throw new RegistryException(RegistryError.PARTICIPANT_EXISTS, did);
        }
        final Participant participant =
                new Participant(did, name, organisation, roles, keys, Participant.ACTIVE, ctx.nowText(), ctx.nowText());
        ctx.participants().add(participant);
        ctx.events().emit("ParticipantRegistered", Map.of("did", did, "organisation", organisation));
        return LedgerJson.string(participant);
    }

    /** Adds and removes keys; signed by the participant itself or an operator of its organisation. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "RotateKey")
    public String rotateKey(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.ROTATE_KEY);
        final Participant participant = ctx.participants().find(signed.text("did"));
        authoriseChange(ctx, signed, participant);
        if (participant.did().startsWith("did:key:")) {
            throw new RegistryException(RegistryError.KEY_INVALID, "a did:key cannot rotate: register a new DID");
        }
        final Map<String, String> keys = new TreeMap<>(participant.keys());
        keys.putAll(keys(participant.did(), signed.args().path("add")));
        for (final JsonNode removed : signed.args().path("remove")) {
            keys.remove(removed.stringValue(""));
        }
        if (keys.isEmpty()) {
            throw new RegistryException(RegistryError.KEY_INVALID, "a participant keeps at least one key");
        }
        final Participant updated = participant.withKeys(keys, ctx.nowText());
        ctx.participants().put(updated);
        ctx.events().emit("ParticipantKeysRotated", Map.of("did", participant.did()));
        return LedgerJson.string(updated);
    }

    /** Deactivates a participant: its keys no longer verify anything. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Deactivate")
    public String deactivate(final RegistryContext ctx, final String instruction) {
        final Instruction signed = ctx.signatures().instruction(instruction, Actions.DEACTIVATE);
        final Participant participant = ctx.participants().find(signed.text("did"));
        authoriseChange(ctx, signed, participant);
        if (!participant.active()) {
            throw new RegistryException(RegistryError.PARTICIPANT_INACTIVE, participant.did());
        }
        final Participant updated = participant.withStatus(Participant.DEACTIVATED, ctx.nowText());
        ctx.participants().put(updated);
        ctx.participants().unindex(participant);
        ctx.events().emit("ParticipantDeactivated", Map.of("did", participant.did()));
        return LedgerJson.string(updated);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final RegistryContext ctx, final String did) {
        return LedgerJson.string(ctx.participants().find(did));
    }

    /** The active participants of an organisation with a role (e.g. its verifiers). */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "ListByRole")
    public String listByRole(final RegistryContext ctx, final String organisation, final String role) {
        return LedgerJson.string(ctx.participants().withRole(organisation, role(role)).stream()
                .map(ctx.participants()::find)
                .toList());
    }

    private static void authoriseChange(
            final RegistryContext ctx, final Instruction signed, final Participant participant) {
        ctx.authorisation().requireOwnOrganisation(participant);
        if (!signed.signer().equals(participant.did())) {
            ctx.authorisation().requireOperatorOf(signed.signer(), participant.organisation());
        }
    }

    private static String unverifiedArgs(final String compact) {
        // Only to learn the keys a bootstrapping operator presents; the signature is checked next.
        final String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new RegistryException(RegistryError.INSTRUCTION_INVALID, "not a compact JWS");
        }
        try {
            final JsonNode payload =
                    Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return Json.write(payload.path("args"));
        } catch (IllegalArgumentException | CredentialException e) {
            throw new RegistryException(RegistryError.INSTRUCTION_INVALID, "payload is not base64url JSON");
        }
    }

    /** Validates keys: public Ed25519 or P-256 JWKs under DID URLs of this DID; a did:key has exactly its own key. */
    public static Map<String, String> keys(final String did, final JsonNode node) {
        if (!node.isObject() || node.isEmpty() || node.size() > Bounds.KEYS) {
            throw new RegistryException(
                    RegistryError.KEY_INVALID, "keys must map 1 to " + Bounds.KEYS + " DID URLs to public JWKs");
        }
        final Map<String, String> keys = new TreeMap<>();
        for (final Map.Entry<String, JsonNode> entry : node.properties()) {
            final String keyId = Texts.bounded("a key id", entry.getKey(), Bounds.IDENTIFIER);
            try {
                if (!DidUrl.parse(keyId).did().equals(did)
                        || DidUrl.parse(keyId).fragment().isEmpty()) {
                    throw new RegistryException(RegistryError.KEY_INVALID, keyId + " is not a key URL of " + did);
                }
                final JWK jwk = JWK.parse(Json.write(entry.getValue()));
                final boolean supported = jwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
                        || jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve());
                if (jwk.isPrivate() || !supported) {
                    throw new RegistryException(
                            RegistryError.KEY_INVALID, keyId + " must be a public Ed25519 or P-256 JWK");
                }
                if (did.startsWith("did:key:")
                        && (!keyId.equals(DidKey.keyId(did))
                                || !DidKey.fromPublicKey(jwk).equals(did))) {
                    throw new RegistryException(RegistryError.KEY_INVALID, "a did:key has exactly its own key");
                }
                keys.put(keyId, keyMaterial(jwk));
            } catch (ParseException | CredentialException e) {
                throw new RegistryException(RegistryError.KEY_INVALID, keyId + ": " + e.getMessage());
            }
        }
        return keys;
    }

    /** Only the key material (kty, crv, x, y), so the same key is stored the same way whatever else its JWK said. */
    private static String keyMaterial(final JWK jwk) {
        if (jwk instanceof OctetKeyPair okp) {
            return new OctetKeyPair.Builder(okp.getCurve(), okp.getX()).build().toJSONString();
        }
        final ECKey ec = (ECKey) jwk;
        return new ECKey.Builder(ec.getCurve(), ec.getX(), ec.getY()).build().toJSONString();
    }

    private static List<Role> roles(final JsonNode node) {
        final List<Role> roles = new ArrayList<>();
        for (final JsonNode item : node) {
            final Role role = role(item.stringValue(""));
            if (!roles.contains(role)) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "a participant has at least one role");
        }
        roles.sort(null);
        return roles;
    }

    private static Role role(final String name) {
        try {
            return Role.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "unknown role " + name);
        }
    }
}
