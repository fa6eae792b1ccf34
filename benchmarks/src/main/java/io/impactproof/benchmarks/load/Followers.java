package io.impactproof.benchmarks.load;

import io.impactproof.benchmarks.soak.Registry;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Follows claims as their owners would, one by one, until each claim is CERTIFIED and its
 * certificate ACTIVE: the claim's record gives the serial, the certificate's record its status and
 * when the ledger recorded it ACTIVE ({@code updatedAt}, the attaching transaction's time). Several
 * readers share the claims (claim i to reader i mod n, each in submission order), since one reader
 * doing two requests a claim falls seconds behind a ledger that certifies a page at a time.
 */
final class Followers {
    // Seldom: the readers share the two cores with the gateway, and the ledger dates each ACTIVE.
    private static final long POLL_MILLIS = 200;

    private Followers() {}

    /**
     * What the readers saw: the serials in the claims' order, the ledger's time of the last
     * certificate to become ACTIVE, and when the readers had seen every one (System.nanoTime()).
     */
    record Followed(List<String> serials, Instant lastActive, long allSeenNanos) {}

    static Followed follow(final Registry registry, final List<String> ids, final int readers, final long deadline)
            throws InterruptedException, java.util.concurrent.ExecutionException {
        final String[] serials = new String[ids.size()];
        final Instant[] active = new Instant[ids.size()];
        final ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            final List<Future<?>> running = new ArrayList<>();
            for (int r = 0; r < readers; r++) {
                final int first = r;
                running.add(pool.submit(() -> {
                    for (int i = first; i < ids.size(); i += readers) {
                        serials[i] = certified(registry, ids.get(i), deadline);
                        active[i] = activeAt(registry, serials[i], deadline);
                    }
                    return null;
                }));
            }
            for (final Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        final long seen = System.nanoTime();
        Instant last = Instant.EPOCH;
        for (final Instant at : active) {
            last = at.isAfter(last) ? at : last;
        }
        return new Followed(List.of(serials), last, seen);
    }

    /** The claim's certificate serial, once the claim is CERTIFIED. */
    private static String certified(final Registry registry, final String id, final long deadline)
            throws IOException, InterruptedException {
        final String serial = registry.awaitCertified(id, deadline, POLL_MILLIS);
        if (serial == null) {
            throw new IllegalStateException("claim " + id + " not certified in time");
        }
        return serial;
    }

    /** When the ledger recorded the certificate ACTIVE, once it is. */
    private static Instant activeAt(final Registry registry, final String serial, final long deadline)
            throws IOException, InterruptedException {
        final String path = "/certificates/" + URLEncoder.encode(serial, StandardCharsets.UTF_8);
        while (true) {
            final Registry.Answer answer = registry.get(path, "Accept", "application/json");
            if (answer.status() == 200) {
                final JsonNode record = answer.json();
                if ("ACTIVE".equals(record.path("status").stringValue(""))) {
                    return Instant.parse(record.path("updatedAt").stringValue(""));
                }
            }
            pause(deadline, "certificate " + serial + " not ACTIVE in time");
        }
    }

    private static void pause(final long deadline, final String late) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(late);
        }
        Thread.sleep(POLL_MILLIS);
    }
}
