package io.impactproof.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyValue;

/**
 * A minimal contract for the embedded ledger's own tests (the ledger knows nothing of the registry):
 * put a value under a composite key, read it, page over a prefix; refuses an empty value with a
 * stable code, as the registry's contracts do.
 */
@Contract(name = "kv", info = @Info(title = "Key-value test contract", version = "1.0.0"))
public final class KeyValueContract implements ContractInterface {
    static final String PUT = "kv:Put";
    static final String GET = "kv:Get";
    static final String PAGE = "kv:Page";
    static final String BLANK = "kv:Blank";

    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Put")
    public String put(final Context ctx, final String key, final String value) {
        if (value.isEmpty()) {
            throw new ChaincodeException(
                    "KV_EMPTY: no value",
                    "{\"category\":\"INVALID\",\"code\":\"KV_EMPTY\",\"detail\":\"no value\"}"
                            .getBytes(StandardCharsets.UTF_8));
        }
        ctx.getStub().putState(new CompositeKey("kv", key).toString(), value.getBytes(StandardCharsets.UTF_8));
        ctx.getStub().setEvent("Put", key.getBytes(StandardCharsets.UTF_8));
        return key;
    }

    /** Writes an empty value, which Fabric records as a delete. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Blank")
    public String blank(final Context ctx, final String key) {
        ctx.getStub().putState(new CompositeKey("kv", key).toString(), new byte[0]);
        return key;
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Get")
    public String get(final Context ctx, final String key) {
        return new String(ctx.getStub().getState(new CompositeKey("kv", key).toString()), StandardCharsets.UTF_8);
    }

    /** One page of values: "value1,value2|bookmark". */
    @Transaction(intent = Transaction.TYPE.EVALUATE, name = "Page")
    public String page(final Context ctx, final String size, final String bookmark) {
        final List<String> values = new ArrayList<>();
        try (var results = ctx.getStub()
                .getStateByPartialCompositeKeyWithPagination(
                        new CompositeKey("kv"), Integer.parseInt(size), bookmark)) {
            for (final KeyValue kv : results) {
                values.add(kv.getStringValue());
            }
            return String.join(",", values) + "|" + results.getMetadata().getBookmark();
        } catch (Exception e) {
            throw new ChaincodeException(e.getMessage());
        }
    }

    /**
     * Read-modify-write of a counter; while {@link #hold} is set, it waits for it after reading
     * (so a test can commit another transaction in between).
     */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Increment")
    public String increment(final Context ctx, final String key) {
        final String id = new CompositeKey("kv", key).toString();
        final byte[] current = ctx.getStub().getState(id);
        final int next = (current.length == 0 ? 0 : Integer.parseInt(new String(current, StandardCharsets.UTF_8))) + 1;
        await();
        ctx.getStub().putState(id, Integer.toString(next).getBytes(StandardCharsets.UTF_8));
        return Integer.toString(next);
    }

    /** Writes under "count" how many "kv" keys there are (a range read), waiting like Increment. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "Count")
    public String count(final Context ctx) {
        int n = 0;
        try (var results = ctx.getStub().getStateByPartialCompositeKey(new CompositeKey("kv"))) {
            for (final KeyValue ignored : results) {
                n++;
            }
        } catch (Exception e) {
            throw new ChaincodeException(e.getMessage());
        }
        await();
        ctx.getStub()
                .putState(
                        new CompositeKey("count").toString(),
                        Integer.toString(n).getBytes(StandardCharsets.UTF_8));
        return Integer.toString(n);
    }

    static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> hold =
            new java.util.concurrent.atomic.AtomicReference<>();
    static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CountDownLatch> reached =
            new java.util.concurrent.atomic.AtomicReference<>();

    private static void await() {
        final var latch = hold.getAndSet(null);
        if (latch != null) {
            reached.get().countDown();
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A write transaction that tries a paged query, which a peer refuses. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "PagedWrite")
    public String pagedWrite(final Context ctx) {
        ctx.getStub().getStateByPartialCompositeKeyWithPagination(new CompositeKey("kv"), 1, "");
        return "";
    }
}
