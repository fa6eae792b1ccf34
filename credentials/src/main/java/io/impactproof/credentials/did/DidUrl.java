package io.impactproof.credentials.did;

import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import java.util.regex.Pattern;

/**
 * A parsed DID URL: the DID and an optional fragment. This record is immutable.
 *
 * @param did the DID, e.g. {@code did:web:example.org}
 * @param fragment the fragment without {@code #}, or an empty string
 */
public record DidUrl(String did, String fragment) {
    // DID syntax (W3C DID Core §3.1) with the method-specific id restricted to its allowed characters.
    private static final Pattern DID =
            Pattern.compile("did:[a-z0-9]+:(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2}|:)*[A-Za-z0-9._-]");

    public static DidUrl parse(final String value) {
        if (value == null) {
            throw new CredentialException(ErrorCode.DID_INVALID, "missing DID");
        }
        final int hash = value.indexOf('#');
        final String did = hash < 0 ? value : value.substring(0, hash);
        final String fragment = hash < 0 ? "" : value.substring(hash + 1);
        if (!DID.matcher(did).matches()) {
            throw new CredentialException(ErrorCode.DID_INVALID, "not a DID: " + value);
        }
        return new DidUrl(did, fragment);
    }

    /** The method name, e.g. {@code key} or {@code web}. */
    public String method() {
        return did.substring(4, did.indexOf(':', 4));
    }

    public String methodSpecificId() {
        return did.substring(did.indexOf(':', 4) + 1);
    }
}
