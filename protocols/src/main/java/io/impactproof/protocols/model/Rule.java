package io.impactproof.protocols.model;

/** An eligibility rule: a CEL expression that must be true. This record is immutable. */
public record Rule(String id, String description, String rule) {}
