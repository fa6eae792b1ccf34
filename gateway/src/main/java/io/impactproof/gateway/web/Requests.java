package io.impactproof.gateway.web;

import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.store.Credentials;
import java.util.List;

/** Request bodies of the API. Records: immutable. */
public final class Requests {
    private Requests() {}

    /** A signed instruction (JWS, {@code typ: ip-instruction+jwt}) by the acting DID. */
    public record Instruction(String instruction) {
        public String required() {
            if (instruction == null || instruction.isBlank()) {
                throw new ApiException("ARGUMENT_INVALID", "instruction (a signed JWS) is required");
            }
            return instruction;
        }
    }

    /** A batch of signed credentials (compact vc+jwt). */
    public record Batch(List<String> credentials) {
        public List<SignedCredential> parsed() {
            if (credentials == null || credentials.isEmpty()) {
                throw new ApiException("ARGUMENT_INVALID", "credentials must list at least one compact vc+jwt");
            }
            final java.util.ArrayList<SignedCredential> parsed = new java.util.ArrayList<>();
            for (int i = 0; i < credentials.size(); i++) {
                try {
                    parsed.add(Credentials.parse(credentials.get(i)));
                } catch (RuntimeException e) {
                    throw new ApiException("MALFORMED_JWT", "credentials[" + i + "] is not a compact vc+jwt");
                }
            }
            return parsed;
        }
    }
}
