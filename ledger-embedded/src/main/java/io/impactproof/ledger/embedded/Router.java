package io.impactproof.ledger.embedded;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
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
        // Its start-up prints peer settings that mean nothing here: they are not shown.
        // It also re-formats every handler of the process's root logger and logs at INFO; both are
        // undone, so the host's own logging keeps its format.
        final PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        final Logger root = Logger.getLogger("");
        final Level rootLevel = root.getLevel();
        final Map<Handler, Formatter> formatters = new HashMap<>();
        final Map<Handler, Level> levels = new HashMap<>();
        for (final Handler handler : root.getHandlers()) {
            formatters.put(handler, handler.getFormatter());
            levels.put(handler, handler.getLevel());
        }
        root.setLevel(Level.WARNING);
        final ContractRouter router;
        try {
            router = new ContractRouter(new String[] {"-i", "impactproof:embedded"});
        } finally {
            System.setOut(stdout);
            root.setLevel(rootLevel);
            formatters.forEach((handler, formatter) -> {
                if (formatter != null) {
                    handler.setFormatter(formatter);
                }
            });
            levels.forEach((handler, level) -> {
                if (level != null) {
                    handler.setLevel(level);
                }
            });
        }
        // The shim logs its start-up, every request, and every refused transaction as SEVERE with a
        // stack trace; here a refusal is an ordinary answer returned to the caller, who reports it.
        // Its logging set-up gives each of its loggers a level, so each is silenced.
        Collections.list(LogManager.getLogManager().getLoggerNames()).stream()
                .filter(name -> name.startsWith("org.hyperledger"))
                .map(Logger::getLogger)
                .forEach(logger -> {
                    logger.setLevel(Level.OFF);
                    SILENCED.add(logger);
                });
        try {
            // A peer-started router scans for contracts before it starts; that step is package-private.
            final Method scan = ContractRouter.class.getDeclaredMethod("findAllContracts");
            scan.setAccessible(true);
            scan.invoke(router);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot load the registry contracts", e);
        }
        return router;
    }
}
