package io.impactproof.credentials.jwt;

import io.impactproof.credentials.did.ResolvedKey;

/**
 * A JWS whose signature verified: the key that signed it and the exact payload bytes. This record
 * is immutable (the payload array is not exposed for writing by this library).
 */
public record VerifiedJws(String compact, String algorithm, ResolvedKey key, byte[] payload) {}
