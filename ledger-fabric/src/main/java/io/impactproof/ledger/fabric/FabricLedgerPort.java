package io.impactproof.ledger.fabric;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.impactproof.client.ledger.Checkpoint;
import io.impactproof.client.ledger.LedgerEvent;
import io.impactproof.client.ledger.LedgerInfo;
import io.impactproof.client.ledger.LedgerPort;
import io.impactproof.client.ledger.LedgerUnavailable;
import io.impactproof.client.ledger.Subscription;
import io.impactproof.client.ledger.TransactionConflict;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.ErrorCategory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hyperledger.fabric.client.CommitStatusException;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Network;
import org.hyperledger.fabric.client.Proposal;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.SubmitException;
import org.hyperledger.fabric.client.SubmittedTransaction;
import org.hyperledger.fabric.client.Transaction;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.hyperledger.fabric.protos.common.BlockchainInfo;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * The registry's ledger on a Fabric network, as one organisation: one gRPC channel to its own peer
 * and one {@link Gateway} for the process, signing with the organisation's X.509 identity. The peer's
 * gateway gathers the endorsements the chaincode's policy needs (every organisation) and orders the
 * transaction. Thread-safe.
 */
public final class FabricLedgerPort implements LedgerPort {
    private static final Logger LOG = Logger.getLogger(FabricLedgerPort.class.getName());

    static final int MAX_MESSAGE_BYTES = 100 * 1024 * 1024;

    private final FabricSettings settings;
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Network network;
    private final Contract contract;
    private final Contract qscc;

    private FabricLedgerPort(final FabricSettings settings, final ManagedChannel channel, final Gateway gateway) {
        this.settings = settings;
        this.channel = channel;
        this.gateway = gateway;
        this.network = gateway.getNetwork(settings.channel());
        this.contract = network.getContract(settings.chaincode());
        this.qscc = network.getContract("qscc");
    }

    /**
     * Connects to the organisation's peer. The connection is lazy: an unreachable peer shows on the
     * first call, as {@link LedgerUnavailable}.
     */
    public static FabricLedgerPort connect(final FabricSettings settings) {
        final ManagedChannel channel;
        final Gateway gateway;
        try {
            channel = Grpc.newChannelBuilder(
                            settings.peerEndpoint(),
                            TlsChannelCredentials.newBuilder()
                                    .trustManager(settings.tlsRootCert().toFile())
                                    .build())
                    // As much as a peer sends (its default 100 MiB): gRPC's own 4 MiB would refuse
                    // a holder's full list of a few thousand certificates.
                    .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                    .build();
            final X509Identity identity;
            try (Reader reader = Files.newBufferedReader(settings.certificate())) {
                identity = new X509Identity(settings.mspId(), Identities.readX509Certificate(reader));
            }
            final java.security.PrivateKey key;
            try (Reader reader = Files.newBufferedReader(settings.privateKey())) {
                key = Identities.readPrivateKey(reader);
            }
            gateway = Gateway.newInstance()
                    .identity(identity)
                    .signer(Signers.newPrivateKeySigner(key))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(
                            o -> o.withDeadlineAfter(millis(settings.evaluateTimeout()), TimeUnit.MILLISECONDS))
                    .endorseOptions(o -> o.withDeadlineAfter(millis(settings.endorseTimeout()), TimeUnit.MILLISECONDS))
                    .submitOptions(o -> o.withDeadlineAfter(millis(settings.submitTimeout()), TimeUnit.MILLISECONDS))
                    .commitStatusOptions(
                            o -> o.withDeadlineAfter(millis(settings.commitTimeout()), TimeUnit.MILLISECONDS))
                    .connect();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Fabric identity or TLS root: " + e.getMessage(), e);
        } catch (CertificateException | InvalidKeyException e) {
            throw new IllegalArgumentException("the Fabric identity is not a usable X.509 certificate and key", e);
        }
        return new FabricLedgerPort(settings, channel, gateway);
    }

    private static long millis(final java.time.Duration d) {
        return d.toMillis();
    }

    public FabricSettings settings() {
        return settings;
    }

    @Override
    public byte[] submit(final String function, final List<String> args, final Map<String, byte[]> transientData) {
        for (int attempt = 0; ; attempt++) {
            final Transaction transaction = endorse(function, args, transientData);
            if (WriteSets.writesNothing(transaction.getBytes())) {
                return transaction.getResult();
            }
            final Status status = commit(function, transaction);
            if (status.isSuccessful()) {
                return transaction.getResult();
            }
            final TxValidationCode code = status.getCode();
            final boolean conflict =
                    code == TxValidationCode.MVCC_READ_CONFLICT || code == TxValidationCode.PHANTOM_READ_CONFLICT;
            if (!conflict) {
                throw new TransactionRefused(
                        Refusals.TRANSACTION_INVALID,
                        ErrorCategory.INTERNAL,
                        function + ": transaction " + status.getTransactionId() + " was invalidated at commit: "
                                + code);
            }
            if (attempt >= settings.conflictRetries()) {
                throw new TransactionConflict(
                        function + ": " + code + " after " + (attempt + 1) + " attempts; what it read keeps changing");
            }
            // Every registry transaction may be endorsed again: it reads state afresh and its checks
            // (signatures, replays, double counting) run again on the new state.
            LOG.fine(() -> function + ": " + code + ", endorsing again");
        }
    }

    private Transaction endorse(
            final String function, final List<String> args, final Map<String, byte[]> transientData) {
        final Proposal.Builder builder = contract.newProposal(function).addArguments(args.toArray(String[]::new));
        if (!transientData.isEmpty()) {
            builder.putAllTransient(transientData);
            if (!settings.endorsingOrganisations().isEmpty()) {
                builder.setEndorsingOrganizations(
                        settings.endorsingOrganisations().toArray(String[]::new));
            }
        }
        final Proposal proposal = builder.build();
        for (int attempt = 0; ; attempt++) {
            try {
                return proposal.endorse();
            } catch (EndorseException e) {
                // The gateway endorses on its own organisation's peer first. When that succeeded and
                // another organisation's peer refused, that peer has most likely not committed the
                // block our previous transaction is in yet (commit status comes from our own peer):
                // endorse again once it has caught up, a few times, before reporting the refusal.
                // The same when a peer was changing to a new chaincode definition (a member joining),
                // and when both peers endorsed but with different results: under concurrent writes to
                // the same records one of them may simulate on the state before the latest block
                // (seen with three verifier processes attesting one claim at once). A determinism
                // fault persists and is reported after the last attempt.
                if (attempt < LAGGING_PEER_RETRIES
                        && (Refusals.refusedOnlyByOthers(e, settings.mspId())
                                || Refusals.definitionChanging(e)
                                || Refusals.mismatch(e))) {
                    pause(LAGGING_PEER_PAUSE_MS << attempt);
                    continue;
                }
                throw Refusals.beforeOrdering(function, e);
            } catch (io.grpc.StatusRuntimeException e) {
                throw new LedgerUnavailable(function + ": " + e.getStatus(), e);
            }
        }
    }

    private static final int LAGGING_PEER_RETRIES = 5;
    private static final long LAGGING_PEER_PAUSE_MS = 50;

    private static void pause(final long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerUnavailable("interrupted while waiting for a lagging peer", e);
        }
    }

    private static Status commit(final String function, final Transaction transaction) {
        final SubmittedTransaction submitted;
        try {
            submitted = transaction.submitAsync();
        } catch (SubmitException e) {
            throw Refusals.afterEndorsement(function, transaction.getTransactionId(), e);
        }
        try {
            return submitted.getStatus();
        } catch (CommitStatusException e) {
            throw Refusals.afterEndorsement(function, transaction.getTransactionId(), e);
        }
    }

    @Override
    public byte[] evaluate(final String function, final String... args) {
        for (int attempt = 0; ; attempt++) {
            try {
                return contract.evaluateTransaction(function, args);
            } catch (GatewayException e) {
                if (attempt < LAGGING_PEER_RETRIES && Refusals.definitionChanging(e)) {
                    pause(LAGGING_PEER_PAUSE_MS << attempt);
                    continue;
                }
                throw Refusals.beforeOrdering(function, e);
            }
        }
    }

    @Override
    public Subscription subscribe(final Checkpoint after, final Consumer<LedgerEvent> listener) {
        return ChaincodeEventFeed.start(network, settings.chaincode(), after, listener);
    }

    @Override
    public LedgerInfo info() {
        try {
            final BlockchainInfo info =
                    BlockchainInfo.parseFrom(qscc.evaluateTransaction("GetChainInfo", settings.channel()));
            return new LedgerInfo(
                    "fabric",
                    info.getHeight(),
                    HexFormat.of().formatHex(info.getCurrentBlockHash().toByteArray()),
                    Map.of());
        } catch (GatewayException e) {
            throw Refusals.beforeOrdering("GetChainInfo", e);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new LedgerUnavailable("GetChainInfo: the peer's answer is not a BlockchainInfo", e);
        }
    }

    @Override
    public void close() {
        try {
            gateway.close();
        } finally {
            channel.shutdownNow();
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.log(Level.WARNING, "the gRPC channel to {0} did not close in 5 s", settings.peerEndpoint());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
