package io.impactproof.gateway.ledger;

import io.impactproof.chaincode.attestation.AttestationRecord;
import io.impactproof.chaincode.certificate.CertificateRecord;
import io.impactproof.chaincode.claim.ClaimRecord;
import io.impactproof.chaincode.core.LedgerJson;
import io.impactproof.chaincode.participant.Participant;
import io.impactproof.chaincode.protocol.PublishedProtocol;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * The typed facade over the registry chaincode: the only code that knows transaction names,
 * arguments and result encodings. Thread-safe.
 */
public final class Registry {
    private final LedgerPort ledger;

    public Registry(final LedgerPort ledger) {
        this.ledger = ledger;
    }

    public Participant register(final String instruction) {
        return read(ledger.submit("participants:Register", List.of(instruction), Map.of()), Participant.class);
    }

    public Participant participant(final String did) {
        return read(ledger.evaluate("participants:Get", did), Participant.class);
    }

    public PublishedProtocol publish(final String instruction) {
        return read(ledger.submit("protocols:Publish", List.of(instruction), Map.of()), PublishedProtocol.class);
    }

    public PublishedProtocol protocol(final String id, final String version) {
        return read(ledger.evaluate("protocols:Get", id, version), PublishedProtocol.class);
    }

    /** The protocol a claim or certificate names by {@code id@version}. */
    public PublishedProtocol protocol(final String ref) {
        final int at = ref.lastIndexOf('@');
        return protocol(ref.substring(0, at), ref.substring(at + 1));
    }

    public List<PublishedProtocol> protocols() {
        return LedgerJson.readList(ledger.evaluate("protocols:List"), PublishedProtocol.class);
    }

    public List<ClaimRecord> submitClaims(final Collection<SignedCredential> claims) {
        return LedgerJson.readList(
                ledger.submit("claims:Submit", List.of(), Map.of("claims", batch(claims))), ClaimRecord.class);
    }

    public ClaimRecord claim(final String id) {
        return read(ledger.evaluate("claims:Get", id), ClaimRecord.class);
    }

    public List<ClaimRecord> claimsWithStatus(final String status) {
        return LedgerJson.readList(ledger.evaluate("claims:ByStatus", status), ClaimRecord.class);
    }

    public List<ClaimRecord> awaiting(final String verifierDid) {
        return LedgerJson.readList(ledger.evaluate("claims:Awaiting", verifierDid), ClaimRecord.class);
    }

    public ClaimRecord reject(final String instruction) {
        return read(ledger.submit("claims:Reject", List.of(instruction), Map.of()), ClaimRecord.class);
    }

    public List<AttestationRecord> attest(final Collection<SignedCredential> attestations) {
        return LedgerJson.readList(
                ledger.submit("attestations:Submit", List.of(), Map.of("attestations", batch(attestations))),
                AttestationRecord.class);
    }

    public List<AttestationRecord> attestations(final String claimId) {
        return LedgerJson.readList(ledger.evaluate("attestations:List", claimId), AttestationRecord.class);
    }

    /** Issues the certificates of a batch of VERIFIED claims (the instruction names them). */
    public List<CertificateRecord> issue(final String instruction) {
        return LedgerJson.readList(
                ledger.submit("certificates:Issue", List.of(instruction), Map.of()), CertificateRecord.class);
    }

    public List<CertificateRecord> attach(final Collection<SignedCredential> certificates) {
        return LedgerJson.readList(
                ledger.submit("certificates:AttachCredentials", List.of(), Map.of("certificates", batch(certificates))),
                CertificateRecord.class);
    }

    public CertificateRecord certificate(final String serial) {
        return read(ledger.evaluate("certificates:Get", serial), CertificateRecord.class);
    }

    public CertificateRecord changeStatus(final String function, final String instruction) {
        return read(ledger.submit("certificates:" + function, List.of(instruction), Map.of()), CertificateRecord.class);
    }

    public List<Long> statusBits(final String purpose, final long list) {
        return LedgerJson.readList(
                ledger.evaluate("certificates:StatusBits", purpose, Long.toString(list)), Long.class);
    }

    /** A holder's action on a certificate: {@code Transfer}, {@code Split} (returns the lots) or {@code Retire}. */
    public byte[] hold(final String function, final String instruction) {
        return ledger.submit("holdings:" + function, List.of(instruction), Map.of());
    }

    public List<CertificateRecord> holdings(final String did) {
        return LedgerJson.readList(ledger.evaluate("holdings:ByHolder", did), CertificateRecord.class);
    }

    public List<io.impactproof.chaincode.certificate.Movement> history(final String serial) {
        return LedgerJson.readList(
                ledger.evaluate("holdings:History", serial), io.impactproof.chaincode.certificate.Movement.class);
    }

    private static byte[] batch(final Collection<SignedCredential> credentials) {
        final ArrayNode array = Json.array();
        credentials.forEach(c -> array.add(c.compact()));
        return Json.write(array).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T read(final byte[] bytes, final Class<T> type) {
        return LedgerJson.read(bytes, type);
    }
}
