package io.impactproof.protocols.model;

import java.util.Map;

/**
 * The minimum proof level, and optionally the claim field that states the level with the protocol's
 * labels for it (e.g. {@code sworn-statement: declarative}). This record is immutable.
 */
public record ProofSpec(ProofLevel minimum, String levelField, Map<String, ProofLevel> levels) {}
