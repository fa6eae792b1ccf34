package io.impactproof.client.ledger;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCategory;
import io.impactproof.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ObjectNode;

/** The chaincode refused the transaction with a stable code: nothing was written. */
public final class TransactionRefused extends LedgerException {
    private static final long serialVersionUID = 1L;

    /** The code of a refusal whose payload named none. */
    public static final String CHAINCODE_ERROR = "CHAINCODE_ERROR";

    public TransactionRefused(final String code, final ErrorCategory category, final String detail) {
        super(code, category, detail, null);
    }

    /**
     * A refusal read from the chaincode's error payload {@code {"category", "code", "detail"}}; a
     * missing or unreadable payload is a {@value #CHAINCODE_ERROR} of category INTERNAL.
     */
    public static TransactionRefused fromPayload(final String message, final byte[] payload) {
        if (payload != null && payload.length > 0) {
            try {
                final ObjectNode node = Json.parseObject(new String(payload, StandardCharsets.UTF_8));
                final String code = node.path("code").stringValue(null);
                if (code != null) {
                    return new TransactionRefused(
                            code,
                            category(node.path("category").stringValue(null)),
                            node.path("detail").stringValue(message));
                }
            } catch (CredentialException e) {
                // Not our payload: reported as a chaincode error below.
            }
        }
        return new TransactionRefused(CHAINCODE_ERROR, ErrorCategory.INTERNAL, String.valueOf(message));
    }

    private static ErrorCategory category(final String name) {
        try {
            return name == null ? ErrorCategory.INTERNAL : ErrorCategory.valueOf(name);
        } catch (IllegalArgumentException e) {
            return ErrorCategory.INTERNAL;
        }
    }
}
