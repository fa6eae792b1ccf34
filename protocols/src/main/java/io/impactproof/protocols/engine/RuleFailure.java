package io.impactproof.protocols.engine;

/** An eligibility rule the claim did not meet. This record is immutable. */
public record RuleFailure(String ruleId, String description) {}
