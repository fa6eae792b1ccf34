package io.impactproof.protocols.model;

/** CEL expressions (string results, ISO dates) giving the first and last day of the activity. */
public record PeriodSpec(String start, String end) {}
