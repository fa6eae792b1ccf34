package io.impactproof.protocols.model;

/** The counterfactual the impact is measured against, and why the impact is additional. */
public record Baseline(String scenario, String additionality) {}
