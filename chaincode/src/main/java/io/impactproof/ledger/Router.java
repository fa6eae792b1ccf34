package io.impactproof.ledger;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.hyperledger.fabric.contract.ContractRouter;

/**
 * The shim's own {@link ContractRouter}, shared by every embedded ledger: the contracts are
 * stateless, and scanning the class path for them takes a second.
 */
final class Router {
    // Held so the loggers (and their levels) are not garbage-collected.
    private static final List<Logger> SILENCED = new ArrayList<>();
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
        // The shim's own logging set-up gives each of its loggers a level, so each is silenced.
        Collections.list(LogManager.getLogManager().getLoggerNames()).stream()
                .filter(name -> name.startsWith("org.hyperledger"))
                .map(Logger::getLogger)
                .forEach(logger -> {
                    logger.setLevel(Level.OFF);
                    SILENCED.add(logger);
                });
        return router;
    }
}
