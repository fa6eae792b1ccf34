package io.impactproof.protocols.model;

/**
 * What a protocol certifies: the impact category (never summed with another), its Net Zero
 * Initiative pillar, indicator IRI, unit, decimal places, and the CEL formula of the quantity.
 * This record is immutable.
 */
public record ImpactSpec(
        String category, String pillar, String indicator, String unit, Integer decimals, String formula) {}
