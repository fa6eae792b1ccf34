package io.impactproof.gateway.footprint;

import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.client.ledger.Subscription;
import io.impactproof.credentials.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A ledger port that charges the CPU time of each call to its transaction kind ({@code claims:Submit},
 * …): signature checks, chaincode execution and the block write when the ledger runs in this
 * process (embedded); the client side of endorsement and ordering on Fabric. Items are the
 * records a write returned (a batch of 100 claims is 100 items); a read is one item. Thread-safe.
 */
public final class MeteredLedgerPort implements LedgerPort {
    private final LedgerPort delegate;
    private final CpuMeter meter;

    public MeteredLedgerPort(final LedgerPort delegate, final CpuMeter meter) {
        this.delegate = delegate;
        this.meter = meter;
    }

    @Override
    public byte[] submit(final String function, final List<String> args, final Map<String, byte[]> transientData) {
        return meter.measure(function, () -> delegate.submit(function, args, transientData), MeteredLedgerPort::items);
    }

    @Override
    public byte[] evaluate(final String function, final String... args) {
        return meter.measure(function, () -> delegate.evaluate(function, args), result -> 1);
    }

    @Override
    public Subscription subscribe(final Checkpoint after, final Consumer<LedgerEvent> listener) {
        return delegate.subscribe(after, listener);
    }

    @Override
    public LedgerInfo info() {
        return delegate.info();
    }

    @Override
    public Optional<LedgerInfo.ChainCheck> verifyChain() {
        return delegate.verifyChain();
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** A JSON array's length; one for anything else (a single record). */
    static int items(final byte[] result) {
        if (result.length == 0 || result[0] != '[') {
            return 1;
        }
        // Counted with the streaming parser: the records are skipped, not built.
        try (JsonParser parser = Json.MAPPER.createParser(result)) {
            parser.nextToken();
            int count = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                parser.skipChildren();
                count++;
            }
            return Math.max(1, count);
        } catch (JacksonException e) {
            return 1;
        }
    }
}
