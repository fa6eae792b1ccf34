package io.impactproof.ledger;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.hyperledger.fabric.contract.ContractRouter;

/**
 * The shim's own {@link ContractRouter}, shared by every embedded ledger: the contracts are
 * stateless, and scanning the class path for them takes a second.
 */
final class Router {
    // Held so the logger (and its level) is not garbage-collected.
    private static final java.util.logging.Logger SHIM_LOG = java.util.logging.Logger.getLogger("org.hyperledger");
    private static final ContractRouter INSTANCE = create();

    private Router() {}

    static ContractRouter instance() {
        return INSTANCE;
    }

    private static ContractRouter create() {
        // The router wants a chaincode id, as a peer would give it; nothing else of the peer is used.
        final ContractRouter router = new ContractRouter(new String[] {"-i", "impactproof:embedded"});
        try {
            // A peer-started router scans for contracts before it starts; that step is package-private.
            final Method scan = ContractRouter.class.getDeclaredMethod("findAllContracts");
            scan.setAccessible(true);
            scan.invoke(router);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot load the registry contracts", e);
        }
        // The shim logs every refused transaction as SEVERE with a stack trace; here a refusal is an
        // ordinary answer returned to the caller, who reports it.
        SHIM_LOG.setLevel(java.util.logging.Level.OFF);
        return router;
    }
}
