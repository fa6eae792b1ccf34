package io.impactproof.credentials.status;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.credentials.vc.VerifiableCredential;
import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds and reads {@code BitstringStatusListCredential}s, and answers the status of an entry. This
 * class is thread-safe.
 */
public final class StatusListCredential {
    public static final String TYPE = "BitstringStatusListCredential";

    private StatusListCredential() {}

    /** The unsigned list credential published at {@code listUrl}. */
    public static VerifiableCredential build(
            final String listUrl,
            final String issuer,
            final String purpose,
            final BitstringStatusList list,
            final Instant validFrom) {
        final ObjectNode subject = Json.object()
                .put("id", listUrl + "#list")
                .put("type", "BitstringStatusList")
                .put("statusPurpose", purpose)
                .put("encodedList", list.encode());
        return VerifiableCredential.builder()
                .id(listUrl)
                .type(TYPE)
                .issuer(issuer)
                .validFrom(validFrom)
                .subject(subject)
                .build();
    }

    /** The list a status list credential carries, checked against its purpose. */
    public static BitstringStatusList read(final VerifiableCredential credential, final String purpose) {
        if (!credential.hasType(TYPE)) {
            throw new CredentialException(ErrorCode.STATUS_LIST_INVALID, "not a " + TYPE);
        }
        final ObjectNode subject = credential.subject();
        if (!"BitstringStatusList".equals(subject.path("type").stringValue(null))) {
            throw new CredentialException(
                    ErrorCode.STATUS_LIST_INVALID, "credentialSubject.type MUST be BitstringStatusList");
        }
        final var purposes = subject.path("statusPurpose");
        final boolean matches = purposes.isArray()
                ? purposes.valueStream().anyMatch(p -> purpose.equals(p.stringValue(null)))
                : purpose.equals(purposes.stringValue(null));
        if (!matches) {
            throw new CredentialException(ErrorCode.STATUS_LIST_INVALID, "the list is not for " + purpose);
        }
        return BitstringStatusList.decode(subject.path("encodedList").stringValue(null));
    }

    /** Whether the bit of an entry is set in the list credential it points at. */
    public static boolean isSet(final StatusEntry entry, final VerifiableCredential listCredential) {
        if (!entry.statusListCredential().equals(listCredential.id().orElse(null))) {
            throw new CredentialException(ErrorCode.STATUS_LIST_INVALID, "the entry points at another list");
        }
        return read(listCredential, entry.statusPurpose()).get(entry.index().longValueExact());
    }
}
