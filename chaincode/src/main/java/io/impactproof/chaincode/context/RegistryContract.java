package io.impactproof.chaincode.context;

import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What every registry contract shares: each transaction gets a {@link RegistryContext}. Contracts
 * are stateless (the shim's rule: no instance fields, no thread locals) and thread-safe.
 */
public abstract class RegistryContract implements ContractInterface {
    @Override
    public final RegistryContext createContext(final ChaincodeStub stub) {
        return new RegistryContext(stub);
    }
}
