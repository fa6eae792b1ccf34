package io.impactproof.chaincode.context;

import io.impactproof.model.LedgerJson;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** The transaction's chaincode event. Fabric keeps one event per transaction: the last one set. */
public final class Events {
    private final ChaincodeStub stub;

    Events(final ChaincodeStub stub) {
        this.stub = stub;
    }

    /** Sets the transaction's event, its payload as sorted JSON. */
    public void emit(final String name, final Object payload) {
        stub.setEvent(name, LedgerJson.bytes(payload));
    }
}
