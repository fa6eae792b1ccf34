package io.impactproof.model.campaign;

/**
 * One owner's position in a campaign. This record is immutable.
 *
 * @param allocated what the owner's live allocations hold
 * @param advanced every advance paid to the owner
 * @param outstanding advances not yet netted against allocations
 */
public record OwnerAccount(String campaign, String owner, String allocated, String advanced, String outstanding) {}
