package io.impactproof.ledger;

/**
 * The result of recomputing the block chain. This record is immutable.
 *
 * @param valid whether every block matches its hash and follows its predecessor
 * @param blocks how many blocks verified
 * @param firstBroken the number of the first broken block, or -1
 * @param detail what was found
 */
public record ChainReport(boolean valid, long blocks, long firstBroken, String detail) {}
