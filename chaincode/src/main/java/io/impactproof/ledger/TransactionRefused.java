package io.impactproof.ledger;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/**
 * Thrown when the chaincode refuses a transaction: nothing was written. Carries the stable error
 * code from the chaincode's error payload.
 */
public final class TransactionRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String detail;

    TransactionRefused(final String message, final byte[] payload) {
        super(message);
        String parsedCode = "CHAINCODE_ERROR";
        String parsedDetail = message;
        if (payload != null && payload.length > 0) {
            try {
                final ObjectNode node = Json.parseObject(new String(payload, StandardCharsets.UTF_8));
                parsedCode = node.path("code").stringValue(parsedCode);
                parsedDetail = node.path("detail").stringValue(parsedDetail);
            } catch (CredentialException e) {
                parsedDetail = message;
            }
        }
        this.code = parsedCode;
        this.detail = parsedDetail;
    }

    /** The stable error code, e.g. {@code DOUBLE_COUNTING}; {@code CHAINCODE_ERROR} when none was given. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }
}
