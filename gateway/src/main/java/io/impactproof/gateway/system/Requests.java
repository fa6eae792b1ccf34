package io.impactproof.gateway.system;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.model.RegistryError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Request bodies of the API. Records: immutable. */
public final class Requests {
    /** A page size asked for over HTTP: 1 to the ledger's largest page, or PARAMETER_INVALID. */
    public static int pageSize(final int pageSize) {
        if (pageSize < 1 || pageSize > io.impactproof.model.Transactions.MAX_PAGE) {
            throw new ApiException(
                    ApiError.PARAMETER_INVALID, "pageSize is 1 to " + io.impactproof.model.Transactions.MAX_PAGE);
        }
        return pageSize;
    }

    private Requests() {}

    /** A signed instruction (JWS, {@code typ: ip-instruction+jwt}) by the acting DID. */
    public record Instruction(String instruction) {
        public String required() {
            if (instruction == null || instruction.isBlank()) {
                throw new ApiException(RegistryError.ARGUMENT_INVALID, "instruction (a signed JWS) is required");
            }
            return instruction;
        }

        /**
         * The instruction, after checking — before anything is sent to the ledger — that it is for
         * {@code action} and that each {@code args.field} is the path's value (given as field, value
         * pairs): a path that names one object and an instruction that names another are refused,
         * and nothing changes. The signature is checked by the chaincode.
         */
        public String requiredFor(final String action, final String... fieldsAndValues) {
            final JsonNode payload = unverifiedPayload(required());
            final String named = payload.path("action").stringValue(null);
            if (!action.equals(named)) {
                throw new ApiException(
                        ApiError.PATH_MISMATCH, "the path is for " + action + ", the instruction for " + named);
            }
            for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
                final String field = fieldsAndValues[i];
                final String value = fieldsAndValues[i + 1];
                final String argument = payload.path("args").path(field).stringValue(null);
                if (!value.equals(argument)) {
                    throw new ApiException(
                            ApiError.PATH_MISMATCH,
                            "the path names " + field + " " + value + ", the instruction " + argument);
                }
            }
            return instruction;
        }

        private static JsonNode unverifiedPayload(final String compact) {
            final String[] parts = compact.split("\\.", -1);
            try {
                if (parts.length != 3) {
                    throw new IllegalArgumentException("not three parts");
                }
                return Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException | CredentialException e) {
                throw new ApiException(ErrorCode.MALFORMED_JWT, "the instruction is not a compact JWS");
            }
        }
    }

    /** A batch of signed credentials (compact vc+jwt). */
    public record Batch(List<String> credentials) {
        public List<SignedCredential> parsed() {
            if (credentials == null || credentials.isEmpty()) {
                throw new ApiException(
                        RegistryError.ARGUMENT_INVALID, "credentials must list at least one compact vc+jwt");
            }
            final List<SignedCredential> parsed = new ArrayList<>();
            for (int i = 0; i < credentials.size(); i++) {
                try {
                    parsed.add(StoredCredentials.parse(credentials.get(i)));
                } catch (RuntimeException e) {
                    throw new ApiException(ErrorCode.MALFORMED_JWT, "credentials[" + i + "] is not a compact vc+jwt");
                }
            }
            return parsed;
        }
    }
}
