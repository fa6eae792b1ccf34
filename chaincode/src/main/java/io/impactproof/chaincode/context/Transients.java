package io.impactproof.chaincode.context;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.json.Json;
import io.impactproof.model.RegistryError;
import io.impactproof.model.Transactions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads transient data: signed credentials travel there so that they never enter a block (only
 * their digests do).
 */
public final class Transients {
    /** A batch is bounded so one transaction cannot hold the ledger for long. */
    public static final int MAX_BATCH = Transactions.MAX_BATCH;

    private Transients() {}

    /** A JSON array of compact JWS strings under {@code field}. */
    public static List<String> compacts(final RegistryContext ctx, final String field) {
        final byte[] raw = transientMap(ctx).get(field);
        if (raw == null) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "transient field " + field + " is missing");
        }
        final JsonNode array;
        try {
            array = Json.parse(raw);
        } catch (CredentialException e) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, field + " is not JSON");
        }
        if (!array.isArray() || array.isEmpty() || array.size() > MAX_BATCH) {
            throw new RegistryException(
                    RegistryError.ARGUMENT_INVALID, field + " must be an array of 1 to " + MAX_BATCH + " compact JWS");
        }
        final List<String> out = new ArrayList<>();
        for (final JsonNode item : array) {
            if (!item.isString()) {
                throw new RegistryException(RegistryError.ARGUMENT_INVALID, field + " must hold strings");
            }
            out.add(item.stringValue());
        }
        return out;
    }

    /** One compact JWS under {@code field}. */
    public static String compact(final RegistryContext ctx, final String field) {
        final byte[] raw = transientMap(ctx).get(field);
        if (raw == null || raw.length == 0) {
            throw new RegistryException(RegistryError.ARGUMENT_INVALID, "transient field " + field + " is missing");
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    private static Map<String, byte[]> transientMap(final RegistryContext ctx) {
        final Map<String, byte[]> map = ctx.getStub().getTransient();
        return map == null ? Map.of() : map;
    }
}
