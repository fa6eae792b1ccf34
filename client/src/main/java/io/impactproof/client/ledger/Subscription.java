package io.impactproof.client.ledger;

/** A live event subscription; closing it stops delivery. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
