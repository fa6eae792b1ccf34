package io.impactproof.ledger.fabric;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one organisation's gateway reaches its Fabric peer. This record is immutable.
 *
 * @param peerEndpoint host:port of the organisation's own gateway-enabled peer
 * @param tlsRootCert the PEM of the CA that signed the peer's TLS certificate
 * @param certificate the PEM of this client's X.509 identity (an MSP member of {@code mspId})
 * @param privateKey the PEM of that identity's private key
 * @param mspId the organisation's MSP id
 * @param channel the channel the registry runs on
 * @param chaincode the registry chaincode's name on that channel
 * @param endorsingOrganisations who endorses a transaction carrying transient data (the signed
 *     credentials): the gateway would otherwise ask only its own organisation, which the registry's
 *     endorsement policy (every organisation) refuses; empty lets the peer's discovery decide
 * @param conflictRetries how many times an MVCC or phantom-read conflict is endorsed and submitted
 *     again before the caller gets a conflict
 * @param evaluateTimeout the deadline of a query
 * @param endorseTimeout the deadline of an endorsement (both organisations' peers run the chaincode)
 * @param submitTimeout the deadline of handing an endorsed transaction to the ordering service
 * @param commitTimeout how long to wait for a submitted transaction's commit before its outcome is
 *     reported unknown
 */
public record FabricSettings(
        String peerEndpoint,
        Path tlsRootCert,
        Path certificate,
        Path privateKey,
        String mspId,
        String channel,
        String chaincode,
        List<String> endorsingOrganisations,
        int conflictRetries,
        Duration evaluateTimeout,
        Duration endorseTimeout,
        Duration submitTimeout,
        Duration commitTimeout) {
    public FabricSettings {
        Objects.requireNonNull(peerEndpoint, "peerEndpoint");
        Objects.requireNonNull(tlsRootCert, "tlsRootCert");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(chaincode, "chaincode");
        endorsingOrganisations = List.copyOf(endorsingOrganisations);
        if (conflictRetries < 0) {
            throw new IllegalArgumentException("conflictRetries must be >= 0");
        }
    }
}
