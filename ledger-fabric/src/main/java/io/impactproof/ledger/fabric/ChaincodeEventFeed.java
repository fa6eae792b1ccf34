package io.impactproof.ledger.fabric;

import io.grpc.Status;
import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.Subscription;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.ChaincodeEvent;
import org.hyperledger.fabric.client.CloseableIterator;
import org.hyperledger.fabric.client.GatewayRuntimeException;
import org.hyperledger.fabric.client.Network;

/**
 * The registry's chaincode events, read from the peer from a checkpoint on and delivered in ledger
 * order on a thread of its own; a broken stream (peer restarted, network down) is reopened from the
 * last delivered event, with a growing pause, until the subscription is closed.
 *
 * <p>Fabric names an event by its block and transaction id only. A registry transaction sets at most
 * one event, so the position of an event among the registry's events of its block is stable, and is
 * what {@link Checkpoint#transaction()} holds on this ledger: reopening at a block start recounts
 * from zero and skips exactly the events already delivered.
 */
final class ChaincodeEventFeed implements Subscription, Runnable {
    private static final Logger LOG = Logger.getLogger(ChaincodeEventFeed.class.getName());
    private static final long MAX_PAUSE_MS = 5_000;

    private final Network network;
    private final String chaincode;
    private final Consumer<LedgerEvent> listener;
    private final AtomicReference<CloseableIterator<ChaincodeEvent>> stream = new AtomicReference<>();
    private final Thread thread;
    private volatile Checkpoint delivered;
    private volatile boolean closed;

    private ChaincodeEventFeed(
            final Network network,
            final String chaincode,
            final Checkpoint after,
            final Consumer<LedgerEvent> listener) {
        this.network = network;
        this.chaincode = chaincode;
        this.listener = listener;
        this.delivered = after;
        this.thread = new Thread(this, "fabric-events-" + chaincode);
        this.thread.setDaemon(true);
    }

    static ChaincodeEventFeed start(
            final Network network,
            final String chaincode,
            final Checkpoint after,
            final Consumer<LedgerEvent> listener) {
        final ChaincodeEventFeed feed = new ChaincodeEventFeed(network, chaincode, after, listener);
        feed.thread.start();
        return feed;
    }

    @Override
    public void run() {
        long pause = 100;
        while (!closed) {
            try {
                read();
                pause = 100;
            } catch (GatewayRuntimeException e) {
                if (closed || e.getStatus().getCode() == Status.Code.CANCELLED) {
                    return;
                }
                LOG.log(Level.WARNING, "chaincode events interrupted at {0} ({1}); reopening in {2} ms", new Object[] {
                    delivered, e.getStatus(), pause
                });
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, "a chaincode event listener failed at " + delivered + "; reopening", e);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pause = Math.min(MAX_PAUSE_MS, pause * 2);
        }
    }

    private void read() {
        final Checkpoint from = delivered;
        final long startBlock = Math.max(0, from.block());
        try (CloseableIterator<ChaincodeEvent> events = network.newChaincodeEventsRequest(chaincode)
                .startBlock(startBlock)
                .build()
                .getEvents()) {
            stream.set(events);
            if (closed) {
                return;
            }
            long block = -1;
            int index = -1;
            while (events.hasNext()) {
                final ChaincodeEvent event = events.next();
                if (event.getBlockNumber() != block) {
                    block = event.getBlockNumber();
                    index = 0;
                } else {
                    index++;
                }
                if (!delivered.precedes(block, index)) {
                    continue;
                }
                listener.accept(new LedgerEvent(
                        block, index, event.getTransactionId(), event.getEventName(), event.getPayload()));
                delivered = new Checkpoint(block, index);
            }
        } finally {
            stream.set(null);
        }
    }

    @Override
    public void close() {
        closed = true;
        final CloseableIterator<ChaincodeEvent> open = stream.get();
        if (open != null) {
            open.close();
        }
        thread.interrupt();
    }
}
