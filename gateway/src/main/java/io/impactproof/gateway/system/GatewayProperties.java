package io.impactproof.gateway.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings ({@code impactproof.*}). This record is immutable.
 *
 * @param dataDir where the embedded ledger, the content store and the key store live
 * @param baseUrl the public URL credentials and links point at
 * @param mspId the organisation this gateway submits for
 * @param agents the automated verifiers and validator this node runs
 * @param demo run the demo workflow once the service is up
 * @param ledger which ledger this gateway talks to
 * @param limits the sizes and media types the API accepts
 * @param nodes the base URL of each other organisation's gateway, by MSP id, where this node fetches
 *     the signed certificates it does not hold (checked against the digest the ledger records)
 * @param boavizta the BoaviztAPI service the algorithmic verifiers and the footprint call
 * @param footprint the hardware this node runs on, for the registry's own footprint
 */
@ConfigurationProperties("impactproof")
public record GatewayProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("Org1MSP") String mspId,
        @DefaultValue Agents agents,
        @DefaultValue("false") boolean demo,
        @DefaultValue Ledger ledger,
        @DefaultValue Limits limits,
        Map<String, String> nodes,
        @DefaultValue Boavizta boavizta,
        @DefaultValue Footprint footprint) {

    public GatewayProperties {
        nodes = nodes == null ? Map.of() : Map.copyOf(nodes);
    }

    /**
     * @param url where BoaviztAPI answers ({@code scripts/boaviztapi start}: http://127.0.0.1:5055)
     * @param timeout per request
     */
    public record Boavizta(
            @DefaultValue("http://127.0.0.1:5055") String url,
            @DefaultValue("PT10S") java.time.Duration timeout) {}

    /**
     * The hardware behind this node, as BoaviztAPI describes it: a cloud instance ({@code
     * cloudProvider} and {@code instanceType}; by default aws m5.large, two vCPUs like the machine
     * the figures of docs/footprint.md were measured on) or, with both cleared, a server ({@code
     * serverFile}: a JSON file as BoaviztAPI's POST /v1/server/ takes it; none: BoaviztAPI's default
     * server archetype, then set {@code share} to this node's threads over the server's).
     *
     * @param location BoaviztAPI country code of the electricity mix (FRA)
     * @param load the node's average CPU load in percent, for its power draw and to charge its idle
     *     capacity to the work it does
     * @param vcpus the CPUs this node's process may use (0: what the JVM sees)
     * @param share the share of the described hardware allocated to this node (1 for a dedicated
     *     machine or an instance; 2/64 for two of a 64-vCPU server's threads)
     * @param replicas how many nodes keep a copy of each record (1 on the embedded ledger)
     * @param storageGigabytes capacity of the SSD the records are kept on
     */
    public record Footprint(
            @DefaultValue("aws") String cloudProvider,
            @DefaultValue("m5.large") String instanceType,
            Path serverFile,
            @DefaultValue("FRA") String location,
            @DefaultValue("50") double load,
            @DefaultValue("0") int vcpus,
            @DefaultValue("1") double share,
            @DefaultValue("1") int replicas,
            @DefaultValue("1000") int storageGigabytes) {}

    /**
     * @param bodyBytes the largest request body of the JSON endpoints (a batch of 1,000 claims is
     *     about 3 MiB)
     * @param evidenceBytes the largest evidence file
     * @param evidenceTypes the media types an evidence file may have
     */
    public record Limits(
            @DefaultValue("8388608") long bodyBytes,
            @DefaultValue("16777216") long evidenceBytes,

            @DefaultValue({
                "text/csv",
                "text/plain",
                "application/json",
                "application/geo+json",
                "application/gpx+xml",
                "application/pdf",
                "image/png",
                "image/jpeg"
            })
            java.util.List<String> evidenceTypes) {
        public Limits {
            evidenceTypes = java.util.List.copyOf(evidenceTypes);
        }
    }

    /**
     * @param kind {@code embedded} (the default: the chaincode in this process, on a block file in
     *     {@code dataDir/ledger}) or {@code fabric}
     */
    public record Ledger(
            @DefaultValue("embedded") String kind,
            @DefaultValue Fabric fabric) {}

    /**
     * How this organisation's gateway reaches its Fabric peer ({@code impactproof.ledger.kind=fabric};
     * {@code network/impactnet env org1} prints these for the local network).
     *
     * @param peerEndpoint host:port of the organisation's own peer
     * @param tlsRootCert PEM file of the CA of the peer's TLS certificate
     * @param certificate PEM file of this organisation's client identity
     * @param privateKey PEM file of its private key
     * @param channel the registry's channel
     * @param chaincode the registry chaincode's name
     * @param endorsingOrganisations the organisations that endorse transactions carrying signed
     *     credentials (transient data); empty lets the peer decide
     * @param conflictRetries how many times an MVCC conflict is endorsed and submitted again
     * @param evaluateTimeout deadline of a query
     * @param endorseTimeout deadline of an endorsement
     * @param submitTimeout deadline of the hand-over to the ordering service
     * @param commitTimeout how long a commit is awaited before its outcome is reported unknown
     */
    public record Fabric(
            String peerEndpoint,
            Path tlsRootCert,
            Path certificate,
            Path privateKey,
            @DefaultValue("impactnet") String channel,
            @DefaultValue("impactproof") String chaincode,
            java.util.List<String> endorsingOrganisations,
            @DefaultValue("3") int conflictRetries,
            @DefaultValue("10s") java.time.Duration evaluateTimeout,
            @DefaultValue("30s") java.time.Duration endorseTimeout,
            @DefaultValue("10s") java.time.Duration submitTimeout,
            @DefaultValue("60s") java.time.Duration commitTimeout) {
        public Fabric {
            endorsingOrganisations = endorsingOrganisations == null
                    ? java.util.List.of()
                    : java.util.List.copyOf(endorsingOrganisations);
        }
    }

    /**
     * @param verifiers whether the managed verifier agents attest automatically
     * @param validator whether the managed validator agent certifies VERIFIED claims automatically
     * @param skew per verifier alias (e.g. {@code verifier-3}), a factor applied to the value it
     *     finds, to inject disagreement
     */
    public record Agents(
            @DefaultValue("true") boolean verifiers,
            @DefaultValue("true") boolean validator,
            Map<String, String> skew) {
        public Agents {
            skew = skew == null ? Map.of() : Map.copyOf(skew);
        }
    }
}
