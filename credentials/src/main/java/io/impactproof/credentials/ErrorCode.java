package io.impactproof.credentials;

/**
 * Stable error codes of the credentials library. This enum is immutable.
 *
 * <p>Every code carries its {@link ErrorCategory}: the input is not acceptable (a 4xx for a client),
 * or a key or signing operation failed ({@link ErrorCategory#INTERNAL}, a 5xx). The names are part of the public
 * contract: they appear in problem+json responses and chaincode errors, and are listed in
 * {@code docs/errors.md}.
 */
public enum ErrorCode implements StableCode {
    INPUT_TOO_LARGE(ErrorCategory.TOO_LARGE, "The input is larger than the configured limit."),
    MALFORMED_JWT(ErrorCategory.UNAUTHENTICATED, "The input is not a compact JWS with three base64url parts."),
    MALFORMED_JSON(ErrorCategory.INVALID, "A JSON document (JWS header, payload or credential) does not parse."),
    ALG_NOT_ALLOWED(
            ErrorCategory.UNAUTHENTICATED, "The JWS algorithm is not in the allow-list (alg none is always rejected)."),
    TYP_INVALID(ErrorCategory.UNAUTHENTICATED, "The JWS header typ is missing or is not vc+jwt."),
    CTY_INVALID(ErrorCategory.UNAUTHENTICATED, "The JWS header cty is present and is not vc."),
    CRIT_UNSUPPORTED(
            ErrorCategory.UNAUTHENTICATED,
            "The JWS header lists critical parameters this verifier does not understand."),
    KID_MISSING(ErrorCategory.UNAUTHENTICATED, "The JWS header has no kid naming the DID URL of the signing key."),
    KEY_NOT_FOUND(ErrorCategory.UNAUTHENTICATED, "The kid does not resolve to a public key."),
    KEY_MISMATCH(
            ErrorCategory.FORBIDDEN,
            "The key does not belong to the credential's issuer or does not fit the algorithm."),
    SIGNATURE_INVALID(
            ErrorCategory.UNAUTHENTICATED,
            "The signature does not verify with the issuer's key (tampered or wrong key)."),
    CLAIM_FORBIDDEN(ErrorCategory.INVALID, "The JWT payload holds a claim VC-JOSE-COSE forbids (vc, vp)."),
    ISSUER_MISMATCH(ErrorCategory.FORBIDDEN, "The JWT iss does not equal the credential issuer."),
    NOT_YET_VALID(ErrorCategory.UNAUTHENTICATED, "The credential's validFrom is in the future (beyond the leeway)."),
    EXPIRED(
            ErrorCategory.UNAUTHENTICATED,
            "The credential's validUntil, or the JWT exp, is in the past (beyond the leeway)."),
    CONTEXT_INVALID(
            ErrorCategory.INVALID, "@context is missing or does not start with https://www.w3.org/ns/credentials/v2."),
    TYPE_INVALID(ErrorCategory.INVALID, "type is missing or does not include VerifiableCredential."),
    TYPE_NOT_EXPECTED(ErrorCategory.INVALID, "The credential lacks a type the verifier requires for this use."),
    ISSUER_INVALID(ErrorCategory.INVALID, "issuer is missing, or is neither a URL nor an object whose id is a URL."),
    SUBJECT_INVALID(ErrorCategory.INVALID, "credentialSubject is missing, empty, or holds no claim."),
    VALIDITY_INVALID(
            ErrorCategory.INVALID,
            "validFrom or validUntil is not an XML Schema dateTimeStamp, or validFrom is after validUntil."),
    PROPERTY_INVALID(
            ErrorCategory.INVALID,
            "A property (id, status, schema, evidence, relatedResource, termsOfUse) breaks a MUST of VC 2.0."),
    CREDENTIAL_RULE_FAILED(
            ErrorCategory.UNPROCESSABLE, "A domain rule the verifier was configured with rejected the credential."),
    DID_INVALID(
            ErrorCategory.UNAUTHENTICATED,
            "The DID or DID URL is malformed, or its key material has the wrong length or codec."),
    DID_METHOD_UNSUPPORTED(ErrorCategory.UNAUTHENTICATED, "The DID method is not supported (did:key and did:web are)."),
    DID_DOCUMENT_INVALID(ErrorCategory.INVALID, "The DID document is malformed or its id does not match the DID."),
    DIGEST_INVALID(
            ErrorCategory.INVALID, "A digestSRI or digestMultibase value is malformed or uses an unsupported hash."),
    DIGEST_MISMATCH(ErrorCategory.UNPROCESSABLE, "The bytes do not match the digest that pins them."),
    STATUS_LIST_INVALID(
            ErrorCategory.INVALID,
            "A bitstring status list is malformed (encoding, GZIP, or shorter than 131,072 entries)."),
    STATUS_INDEX_OUT_OF_RANGE(ErrorCategory.INVALID, "A status list index is negative or beyond the list."),
    CRYPTO_FAILURE(ErrorCategory.INTERNAL, "A key could not be generated or used, or signing failed.");

    private final ErrorCategory category;
    private final String meaning;

    ErrorCode(final ErrorCategory category, final String meaning) {
        this.category = category;
        this.meaning = meaning;
    }

    @Override
    public ErrorCategory category() {
        return category;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
