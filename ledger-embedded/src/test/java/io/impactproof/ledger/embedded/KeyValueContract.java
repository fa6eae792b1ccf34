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

    /** A write transaction that tries a paged query, which a peer refuses. */
    @Transaction(intent = Transaction.TYPE.SUBMIT, name = "PagedWrite")
    public String pagedWrite(final Context ctx) {
        ctx.getStub().getStateByPartialCompositeKeyWithPagination(new CompositeKey("kv"), 1, "");
        return "";
    }
}
