package io.impactproof.gateway.agents;

import io.impactproof.client.Page;
import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerException;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.client.ledger.Subscription;
import io.impactproof.credentials.Parallel;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.claim.ClaimStatus;
import io.impactproof.model.protocol.PublishedProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the automated agents from the ledger's events, on one worker thread. Events only say that
 * there may be work; the work itself is read from the ledger's own to-do indexes — the claims
 * awaiting each managed verifier, the VERIFIED claims awaiting the validator, the certificates
 * ISSUED without their credential — page by page, in batches. So a restarted node finishes any
 * backlog in time linear in its size, acts at most once per item (the ledger says what is left), and
 * resumes its event stream from the checkpoint it recorded.
 */
@Component
class AgentRunner implements DisposableBean {
    /** Claims per transaction: five verifiers' attestations of a page stay under the batch limit. */
    static final int PAGE = 200;

    private static final Logger LOG = Logger.getLogger(AgentRunner.class.getName());

    private final ManagedAgents agents;
    private final RegistryClient registry;
    private final ContentStore store;
    private final LedgerPort ledger;
    private final GatewayProperties.Agents settings;
    private final CheckpointFile checkpoints;
    private final io.impactproof.gateway.artifacts.OtherNodes otherNodes;
    /**
     * How often the agents look at their to-do indexes without being told: work left by a round that
     * failed (a peer down, an outcome unknown) is picked up even if no new event comes.
     */
    static final Duration SWEEP = Duration.ofSeconds(10);

    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        final Thread t = new Thread(r, "impactproof-agents");
        t.setDaemon(true);
        return t;
    });
    /** Signs a page while the worker has the ledger record the last; one task at a time. */
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        final Thread t = new Thread(r, "impactproof-agents-signer");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean verify = new AtomicBoolean(true);
    private final AtomicBoolean validate = new AtomicBoolean(true);
    private final AtomicBoolean admission = new AtomicBoolean(true);
    private final AtomicReference<Checkpoint> seen = new AtomicReference<>();
    private Subscription subscription;

    AgentRunner(
            final ManagedAgents agents,
            final RegistryClient registry,
            final ContentStore store,
            final LedgerPort ledger,
            final GatewayProperties properties,
            final io.impactproof.gateway.artifacts.OtherNodes otherNodes) {
        this.agents = agents;
        this.otherNodes = otherNodes;
        this.registry = registry;
        this.store = store;
        this.ledger = ledger;
        this.settings = properties.agents();
        this.checkpoints = new CheckpointFile(properties.dataDir().resolve("agents.checkpoint"));
    }

    /** Subscribes from the recorded checkpoint (or from now) and drains whatever is already waiting. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!settings.verifiers() && !settings.validator()) {
            return;
        }
        final Checkpoint from =
                checkpoints.read().orElseGet(() -> new Checkpoint(ledger.info().height() - 1, Integer.MAX_VALUE));
        seen.set(from);
        subscription = ledger.subscribe(from, this::onEvent);
        schedule();
        worker.scheduleWithFixedDelay(
                () -> {
                    verify.set(true);
                    validate.set(true);
                    admission.set(true);
                    schedule();
                },
                SWEEP.toMillis(),
                SWEEP.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void onEvent(final LedgerEvent event) {
        switch (event.name()) {
            case "ClaimsSubmitted" -> verify.set(true);
            case "AttestationsRecorded", "CertificatesIssued" -> validate.set(true);
            // Perhaps this organisation's admission: a node not yet bootstrapped tries again.
            case "ProposalAdopted" -> admission.set(true);
            default -> {
                // Other events need no agent.
            }
        }
        seen.set(event.checkpoint());
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        final Checkpoint upTo = seen.get();
        try {
            if (!agents.bootstrapped() && !(admission.getAndSet(false) && admitted())) {
                return;
            }
            if (verify.getAndSet(false) && settings.verifiers()) {
                attestAll(agents.verifiers());
            }
            if (validate.getAndSet(false) && settings.validator()) {
                certifyAll();
                attachAll();
            }
            if (upTo != null) {
                checkpoints.write(upTo);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the agents stopped a round of work; it is retried on the next event or start", e);
        }
    }

    /** Bootstraps a node whose organisation the members have admitted since it started. */
    private boolean admitted() {
        if (!agents.bootstrapIfMember()) {
            return false;
        }
        LOG.info("the organisation is a member now: its agents are registered");
        return true;
    }

    /**
     * Every claim awaiting the node's verifiers, a page per transaction: the verifiers take a page
     * each in turn, so that they mostly see the same claims together and the node reads and
     * recomputes each claim once for all of them. The next page is read and signed while the ledger
     * records the last (a transaction's execution alone leaves a core idle); pages are still
     * recorded one after the other.
     */
    private void attestAll(final List<VerifierAgent> verifiers) {
        if (verifiers.isEmpty()) {
            return;
        }
        final Map<String, PublishedProtocol> protocols = new ConcurrentHashMap<>();
        final Map<String, VerifierAgent.Recomputed> shared = new ConcurrentHashMap<>();
        final Map<VerifierAgent, String> bookmarks = new LinkedHashMap<>();
        verifiers.forEach(v -> bookmarks.put(v, ""));
        final int keep = verifiers.size() * PAGE;
        Future<Signed> signing = helper.submit(() -> sign(verifiers.get(0), "", protocols, shared, keep));
        while (signing != null) {
            final Signed page = await(signing);
            if (page.attestations().last()) {
                bookmarks.remove(page.verifier());
            } else {
                bookmarks.put(page.verifier(), page.attestations().bookmark());
            }
            final VerifierAgent following = following(verifiers, bookmarks, page.verifier());
            if (following == null) {
                signing = null;
            } else {
                final String from = bookmarks.get(following);
                signing = helper.submit(() -> sign(following, from, protocols, shared, keep));
            }
            submit(
                    page.attestations().records(),
                    batch -> registry.attest(batch),
                    "attestations of " + page.verifier().did());
        }
    }

    /** A verifier's page of attestations, signed, with the bookmark of the claims' page it answers. */
    private record Signed(VerifierAgent verifier, Page<SignedCredential> attestations) {}

    /** The next verifier after this one, in turn, that has pages left; null when none has. */
    private static VerifierAgent following(
            final List<VerifierAgent> verifiers,
            final Map<VerifierAgent, String> bookmarks,
            final VerifierAgent after) {
        final int from = verifiers.indexOf(after);
        for (int i = 1; i <= verifiers.size(); i++) {
            final VerifierAgent candidate = verifiers.get((from + i) % verifiers.size());
            if (bookmarks.containsKey(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Signed sign(
            final VerifierAgent verifier,
            final String bookmark,
            final Map<String, PublishedProtocol> protocols,
            final Map<String, VerifierAgent.Recomputed> shared,
            final int keep) {
        if (shared.size() > keep) {
            shared.clear(); // the verifiers drifted apart: what is kept would not be asked again
        }
        final Page<ClaimRecord> page = registry.awaiting(verifier.did(), PAGE, bookmark);
        final List<ClaimRecord> claims = page.records();
        claims.forEach(claim -> protocol(protocols, claim.protocol()));
        // Signing a page is the agent's CPU: spread over the cores (the ledger then verifies the
        // batch's signatures on all cores too).
        final List<SignedCredential> attestations = Parallel.map(claims, claim -> {
                    if (!held(claim, verifier.key())) {
                        return null;
                    }
                    try {
                        return verifier.attest(claim, protocols.get(claim.protocol()), shared);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, verifier.did() + " could not attest " + claim.id(), e);
                        return null;
                    }
                })
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
        LOG.fine(() -> verifier.did() + " signed a page of " + attestations.size() + " attestations");
        return new Signed(verifier, new Page<>(attestations, page.bookmark()));
    }

    /** The outcome of work handed to the helper thread; its failure is this thread's. */
    private static <T> T await(final Future<T> work) {
        try {
            return work.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the agents worked", e);
        }
    }

    /**
     * Every VERIFIED claim this node's validator is designated for, a page per transaction: a
     * page's certificates are issued, then signed and attached while the next page is issued.
     */
    private void certifyAll() {
        final ValidatorAgent validator = agents.validator();
        final Map<String, PublishedProtocol> protocols = new HashMap<>();
        final AtomicReference<Future<?>> attaching = new AtomicReference<>();
        RegistryClient.forEachPage(
                (size, bookmark) -> registry.claimsWithStatus(ClaimStatus.VERIFIED.name(), size, bookmark),
                PAGE,
                claims -> {
                    final Map<String, ClaimRecord> byId = new LinkedHashMap<>();
                    claims.stream()
                            .filter(c -> protocol(protocols, c.protocol())
                                    .validators()
                                    .contains(validator.did()))
                            .filter(c -> held(c, validator.key()))
                            .forEach(c -> byId.put(c.id(), c));
                    final List<String> ids = List.copyOf(byId.keySet());
                    LOG.fine(() ->
                            "the validator certifies a page of " + ids.size() + " of " + claims.size() + " claims");
                    if (ids.isEmpty()) {
                        return;
                    }
                    final List<CertificateRecord> issued;
                    try {
                        issued = validator.issue(ids);
                    } catch (LedgerException e) {
                        LOG.warning(() -> "the validator agent could not certify a batch: " + e.getMessage()
                                + "; certifying one by one");
                        ids.forEach(id -> {
                            try {
                                validator.certify(List.of(id));
                            } catch (LedgerException single) {
                                LOG.warning(() ->
                                        "the validator agent could not certify " + id + ": " + single.getMessage());
                            }
                        });
                        return;
                    }
                    final Future<?> before = attaching.get();
                    if (before != null) {
                        await(before); // one page attaching at a time
                    }
                    attaching.set(helper.submit(() -> attach(validator, issued, byId)));
                });
        if (attaching.get() != null) {
            await(attaching.get());
        }
    }

    /** Attaches a page's credentials; what fails stays ISSUED, and {@link #attachAll} takes it up. */
    private static void attach(
            final ValidatorAgent validator,
            final List<CertificateRecord> issued,
            final Map<String, ClaimRecord> claims) {
        try {
            validator.attach(issued, claims);
        } catch (RuntimeException e) {
            LOG.warning(() -> "the validator agent could not attach " + issued.size() + " credentials: "
                    + e.getMessage() + "; tried again in this round");
        }
    }

    /** Certificates this node's validator issued but did not attach (a crash between the two). */
    private void attachAll() {
        final ValidatorAgent validator = agents.validator();
        final List<CertificateRecord> pending = new ArrayList<>();
        RegistryClient.forEachPage(
                registry::awaitingCredential,
                PAGE,
                page -> page.stream()
                        .filter(c -> c.validator().equals(validator.did()))
                        .forEach(pending::add));
        for (int from = 0; from < pending.size(); from += PAGE) {
            final List<CertificateRecord> batch = pending.subList(from, Math.min(pending.size(), from + PAGE));
            try {
                validator.attach(batch);
            } catch (LedgerException e) {
                LOG.warning(() ->
                        "the validator agent could not attach " + batch.size() + " credentials: " + e.getMessage());
            }
        }
    }

    /**
     * Whether this node holds the signed claim, fetched from the node it was submitted to (another
     * organisation's) when not; a claim no node gives yet waits for the next round.
     */
    private boolean held(final ClaimRecord claim, final io.impactproof.credentials.jwt.SigningKey reader) {
        if (store.contains(claim.digest()) || otherNodes.claim(claim, reader).isPresent()) {
            return true;
        }
        LOG.info(() -> "the signed claim " + claim.id() + " is not on this node nor yet on " + claim.organisation()
                + "'s; tried again on the next round");
        return false;
    }

    private PublishedProtocol protocol(final Map<String, PublishedProtocol> cache, final String ref) {
        return cache.computeIfAbsent(ref, registry::protocol);
    }

    private interface Write {
        void apply(List<SignedCredential> batch);
    }

    /** Submits a batch; if the ledger refuses it, each item alone, so one bad item holds up no other. */
    private void submit(final List<SignedCredential> batch, final Write write, final String what) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            StoredCredentials.storedDuring(store, batch, () -> {
                write.apply(batch);
                return null;
            });
        } catch (LedgerException e) {
            LOG.warning(() -> "the " + what + " were refused as a batch: " + e.getMessage() + "; sending one by one");
            for (final SignedCredential one : batch) {
                try {
                    StoredCredentials.storedDuring(store, List.of(one), () -> {
                        write.apply(List.of(one));
                        return null;
                    });
                } catch (LedgerException single) {
                    LOG.warning(() -> "one of the " + what + " was refused: " + single.getMessage());
                }
            }
        }
    }

    /** For tests: waits until the worker has drained what it was given. */
    void awaitIdle() throws InterruptedException {
        final var done = new java.util.concurrent.CountDownLatch(1);
        worker.execute(done::countDown);
        done.await(60, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() throws InterruptedException {
        if (subscription != null) {
            subscription.close();
        }
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
        helper.shutdown();
        helper.awaitTermination(30, TimeUnit.SECONDS);
    }
}
