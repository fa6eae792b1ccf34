package io.impactproof.client;

import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SigningKey;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.model.Actions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Signs instructions: the JWS by which a participant's DID authorises an action on the ledger
 * ({@code typ: ip-instruction+jwt}, payload {@code {action, iat, args}}). This class is thread-safe.
 */
public final class Instructions {
    private Instructions() {}

    public static String sign(
            final SigningKey key, final String action, final ObjectNode args, final Instant issuedAt) {
        final ObjectNode payload = Json.object().put("action", action).put("iat", issuedAt.getEpochSecond());
        payload.set("args", args);
        return VcJwt.signJws(Actions.INSTRUCTION_TYP, null, Json.write(payload).getBytes(StandardCharsets.UTF_8), key);
    }

    /** The {@code args} of a participant registration: DID, name, organisation, roles and public keys. */
    public static ObjectNode registration(
            final String did,
            final String name,
            final String organisation,
            final Iterable<String> roles,
            final SigningKey... keys) {
        final ObjectNode args = Json.object().put("did", did).put("name", name).put("organisation", organisation);
        final var roleArray = args.putArray("roles");
        roles.forEach(roleArray::add);
        final ObjectNode keyMap = args.putObject("keys");
        for (final SigningKey key : keys) {
            keyMap.set(key.keyId(), Json.parse(key.publicKey().toJSONString()));
        }
        return args;
    }
}
