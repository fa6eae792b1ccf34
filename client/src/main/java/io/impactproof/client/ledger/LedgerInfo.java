package io.impactproof.client.ledger;

import java.util.Map;

/**
 * What a ledger says about itself. This record is immutable.
 *
 * @param kind {@code embedded} or {@code fabric}
 * @param height the number of blocks
 * @param lastHash hex hash of the last block, where known
 * @param sizes figures such as keys, state bytes and block file bytes, where known
 */
public record LedgerInfo(String kind, long height, String lastHash, Map<String, Long> sizes) {
    public LedgerInfo {
        sizes = Map.copyOf(sizes);
    }

    /**
     * The result of recomputing a block chain. This record is immutable.
     *
     * @param valid whether every block matches its hash and follows its predecessor
     * @param blocks how many blocks verified
     * @param firstBroken the number of the first broken block, or -1
     * @param detail what was found
     */
    public record ChainCheck(boolean valid, long blocks, long firstBroken, String detail) {}
}
