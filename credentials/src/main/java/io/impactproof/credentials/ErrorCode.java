package io.impactproof.credentials;

/**
 * Stable error codes of the credentials library. This enum is immutable.
 *
 * <p>Every code is either {@link Kind#REJECTED} (the input is not acceptable: a 4xx for a client)
 * or {@link Kind#CRYPTO} (a key or signing operation failed: a 5xx). The names are part of the public
 * contract: they appear in problem+json responses and chaincode errors, and are listed in
 * {@code docs/errors.md}.
 */
public enum ErrorCode {
    INPUT_TOO_LARGE(Kind.REJECTED, "The input is larger than the configured limit."),
    MALFORMED_JWT(Kind.REJECTED, "The input is not a compact JWS with three base64url parts."),
    MALFORMED_JSON(Kind.REJECTED, "A JSON document (JWS header, payload or credential) does not parse."),
    ALG_NOT_ALLOWED(Kind.REJECTED, "The JWS algorithm is not in the allow-list (alg none is always rejected)."),
    TYP_INVALID(Kind.REJECTED, "The JWS header typ is missing or is not vc+jwt."),
    CTY_INVALID(Kind.REJECTED, "The JWS header cty is present and is not vc."),
    CRIT_UNSUPPORTED(Kind.REJECTED, "The JWS header lists critical parameters this verifier does not understand."),
    KID_MISSING(Kind.REJECTED, "The JWS header has no kid naming the DID URL of the signing key."),
    KEY_NOT_FOUND(Kind.REJECTED, "The kid does not resolve to a public key."),
    KEY_MISMATCH(Kind.REJECTED, "The key does not belong to the credential's issuer or does not fit the algorithm."),
    SIGNATURE_INVALID(Kind.REJECTED, "The signature does not verify with the issuer's key (tampered or wrong key)."),
    CLAIM_FORBIDDEN(Kind.REJECTED, "The JWT payload holds a claim VC-JOSE-COSE forbids (vc, vp)."),
    ISSUER_MISMATCH(Kind.REJECTED, "The JWT iss does not equal the credential issuer."),
    NOT_YET_VALID(Kind.REJECTED, "The credential's validFrom is in the future (beyond the leeway)."),
    EXPIRED(Kind.REJECTED, "The credential's validUntil, or the JWT exp, is in the past (beyond the leeway)."),
    CONTEXT_INVALID(Kind.REJECTED, "@context is missing or does not start with https://www.w3.org/ns/credentials/v2."),
    TYPE_INVALID(Kind.REJECTED, "type is missing or does not include VerifiableCredential."),
    TYPE_NOT_EXPECTED(Kind.REJECTED, "The credential lacks a type the verifier requires for this use."),
    ISSUER_INVALID(Kind.REJECTED, "issuer is missing, or is neither a URL nor an object whose id is a URL."),
    SUBJECT_INVALID(Kind.REJECTED, "credentialSubject is missing, empty, or holds no claim."),
    VALIDITY_INVALID(
            Kind.REJECTED,
            "validFrom or validUntil is not an XML Schema dateTimeStamp, or validFrom is after validUntil."),
    PROPERTY_INVALID(
            Kind.REJECTED,
            "A property (id, status, schema, evidence, relatedResource, termsOfUse) breaks a MUST of VC 2.0."),
    CREDENTIAL_RULE_FAILED(Kind.REJECTED, "A domain rule the verifier was configured with rejected the credential."),
    DID_INVALID(Kind.REJECTED, "The DID or DID URL is malformed, or its key material has the wrong length or codec."),
    DID_METHOD_UNSUPPORTED(Kind.REJECTED, "The DID method is not supported (did:key and did:web are)."),
    DID_DOCUMENT_INVALID(Kind.REJECTED, "The DID document is malformed or its id does not match the DID."),
    DIGEST_INVALID(Kind.REJECTED, "A digestSRI or digestMultibase value is malformed or uses an unsupported hash."),
    DIGEST_MISMATCH(Kind.REJECTED, "The bytes do not match the digest that pins them."),
    STATUS_LIST_INVALID(
            Kind.REJECTED, "A bitstring status list is malformed (encoding, GZIP, or shorter than 131,072 entries)."),
    STATUS_INDEX_OUT_OF_RANGE(Kind.REJECTED, "A status list index is negative or beyond the list."),
    CRYPTO_FAILURE(Kind.CRYPTO, "A key could not be generated or used, or signing failed.");

    /** Whether a code blames the input or the machinery. */
    public enum Kind {
        REJECTED,
        CRYPTO
    }

    private final Kind kind;
    private final String meaning;

    ErrorCode(final Kind kind, final String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    public Kind kind() {
        return kind;
    }

    /** One sentence saying what the code means, as listed in docs/errors.md. */
    public String meaning() {
        return meaning;
    }
}
