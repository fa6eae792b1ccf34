package io.impactproof.model.campaign;

/** A campaign allocates while OPEN; once CLOSED it only settles what it allocated. This enum is immutable. */
public enum CampaignStatus {
    OPEN,
    CLOSED
}
