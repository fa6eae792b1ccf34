package io.impactproof.protocols.model;

/**
 * A named intermediate value (CEL, double result), usable by later calculations and the impact
 * formula, and reported with the evaluation. This record is immutable.
 */
public record Calculation(String name, String description, String unit, String formula) {}
