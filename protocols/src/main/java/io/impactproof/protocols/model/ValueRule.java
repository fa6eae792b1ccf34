package io.impactproof.protocols.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the validator fixes one value from the verifiers' values. This enum is immutable. */
public enum ValueRule {
    /** The middle value; with an even count, the mean of the two middle values. */
    @JsonProperty("median")
    MEDIAN,
    /** The most conservative value. */
    @JsonProperty("minimum")
    MINIMUM,
    /** The arithmetic mean. */
    @JsonProperty("mean")
    MEAN
}
