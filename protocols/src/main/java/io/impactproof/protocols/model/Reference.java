package io.impactproof.protocols.model;

/**
 * The reference implementation that algorithmic verifiers recompute a claim with, pinned to one
 * version so that every verifier, and anyone later, gets the same figures. This record is immutable.
 *
 * @param implementation e.g. {@code boaviztapi}
 * @param version the exact version, e.g. {@code 2.5.0}
 * @param model which of its models the claim's figures come from, e.g. {@code server-embedded}
 */
public record Reference(String implementation, String version, String model) {}
