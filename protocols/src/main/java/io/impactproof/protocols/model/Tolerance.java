package io.impactproof.protocols.model;

import java.math.BigDecimal;

/**
 * How far verifiers' values may spread and still agree: relative to the median ({@code 0.05} = 5%)
 * and/or absolute, in the impact unit. When both are given, agreement needs either. This record is
 * immutable.
 */
public record Tolerance(BigDecimal relative, BigDecimal absolute) {}
