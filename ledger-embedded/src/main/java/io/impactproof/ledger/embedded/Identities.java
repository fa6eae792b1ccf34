package io.impactproof.ledger.embedded;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * Fabric creator identities for the embedded ledger: an MSP id with a self-signed X.509 certificate,
 * as a peer would receive from a client. The chaincode reads the MSP id; the certificate only has to
 * parse. Thread-safe.
 */
final class Identities {
    private static final Map<String, byte[]> SERIALIZED = new ConcurrentHashMap<>();

    private Identities() {}

    static byte[] serialized(final String mspId) {
        return SERIALIZED.computeIfAbsent(mspId, Identities::create).clone();
    }

    private static byte[] create(final String mspId) {
        try {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            final KeyPair keys = generator.generateKeyPair();
            final X500Name name = new X500Name("CN=gateway." + mspId + ",O=" + mspId);
            final Instant now = Instant.now();
            final X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(
                            name,
                            BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(1, ChronoUnit.DAYS)),
                            Date.from(now.plus(3650, ChronoUnit.DAYS)),
                            name,
                            keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            final StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(certificate);
            }
            return SerializedIdentity.newBuilder()
                    .setMspid(mspId)
                    .setIdBytes(com.google.protobuf.ByteString.copyFrom(pem.toString(), StandardCharsets.UTF_8))
                    .build()
                    .toByteArray();
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot create an identity for " + mspId, e);
        }
    }
}
