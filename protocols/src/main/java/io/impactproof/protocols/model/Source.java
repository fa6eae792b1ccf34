package io.impactproof.protocols.model;

/** A source a protocol's figures or rules come from. This record is immutable. */
public record Source(String title, String url, String note) {}
