package io.impactproof.protocols.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How strongly a claim's data is backed, weakest first. This enum is immutable. */
public enum ProofLevel {
    /** A sworn statement by the owner. */
    @JsonProperty("declarative")
    DECLARATIVE,
    /** Computed from collected data (e.g. a trace measured on a phone). */
    @JsonProperty("calculated")
    CALCULATED,
    /** Confirmed by an independent third party (e.g. a transport operator's API). */
    @JsonProperty("verified")
    VERIFIED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean atLeast(final ProofLevel other) {
        return compareTo(other) >= 0;
    }
}
