package io.impactproof.model.certificate;

/** An attestation a certificate is based on. This record is immutable. */
public record AttestedValue(String verifier, String value, String digestSRI) {}
