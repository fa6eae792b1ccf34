package io.impactproof.chaincode;

import java.io.IOException;
import org.hyperledger.fabric.contract.ContractRouter;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * Runs the registry chaincode as a service (Fabric chaincode-as-a-service): the peer connects to
 * {@code CHAINCODE_SERVER_ADDRESS} (default {@code 0.0.0.0:9999}) and the package id is
 * {@code CORE_CHAINCODE_ID_NAME}, both set by the network scripts.
 */
public final class ChaincodeServer {
    private ChaincodeServer() {}

    public static void main(final String[] args) throws IOException, InterruptedException {
        final String address = System.getenv().getOrDefault("CHAINCODE_SERVER_ADDRESS", "0.0.0.0:9999");
        final int colon = address.lastIndexOf(':');
        final ChaincodeServerProperties properties = new ChaincodeServerProperties();
        properties.setServerAddress(new java.net.InetSocketAddress(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
        final ContractRouter router = new ContractRouter(args);
        router.startRouterWithChaincodeServer(new NettyChaincodeServer(router, properties));
    }
}
