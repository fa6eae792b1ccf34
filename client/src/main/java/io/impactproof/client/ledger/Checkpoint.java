package io.impactproof.client.ledger;

/**
 * A position in the ledger's event stream: the last event handled, by block number and its position
 * within the block — the transaction index on the embedded ledger, the event's position among the
 * registry's events of the block on Fabric (which names events by block and transaction id only).
 * This record is immutable.
 */
public record Checkpoint(long block, int transaction) {
    /** Before the first event: a subscription from here delivers every event. */
    public static final Checkpoint BEGINNING = new Checkpoint(-1, -1);

    /** Whether an event at this block and transaction index comes after this checkpoint. */
    public boolean precedes(final long eventBlock, final int eventTransaction) {
        return eventBlock > block || eventBlock == block && eventTransaction > transaction;
    }

    @Override
    public String toString() {
        return block + ":" + transaction;
    }

    /** Parses {@link #toString()}. */
    public static Checkpoint parse(final String text) {
        final int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a checkpoint is <block>:<transaction>, got " + text);
        }
        return new Checkpoint(
                Long.parseLong(text.substring(0, colon).trim()),
                Integer.parseInt(text.substring(colon + 1).trim()));
    }
}
