package io.impactproof.gateway.verification;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.digest.Digests;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trust chain of a certificate — certificate → attestations → claim → protocol → evidence —
 * with each link's digest recomputed from the stored bytes and compared with what the ledger
 * recorded. Thread-safe.
 */
public final class TrustChain {
    private final RegistryClient registry;
    private final ContentStore store;

    public TrustChain(final RegistryClient registry, final ContentStore store) {
        this.registry = registry;
        this.store = store;
    }

    /**
     * One link of the chain. This record is immutable.
     *
     * @param expected the digest the ledger recorded
     * @param actual the digest of the bytes found, or null when they are not available here
     * @param checked whether the bytes were found and their digest recomputed; a link not checked
     *     is neither valid nor invalid, and says so
     * @param valid whether the link was checked and holds
     * @param children the links this one is based on
     */
    public record Link(
            String kind,
            String id,
            String detail,
            String expected,
            String actual,
            boolean checked,
            boolean valid,
            List<Link> children) {
        /** Whether every link that was checked holds (links not checked are reported, not failed). */
        public boolean allValid() {
            return (!checked || valid) && children.stream().allMatch(Link::allValid);
        }

        /** Whether this link and every link below it were checked. */
        public boolean allChecked() {
            return checked && children.stream().allMatch(Link::allChecked);
        }
    }

    public Link of(final String serial) {
        final CertificateRecord certificate = registry.certificate(serial);
        final ClaimRecord claim = registry.claim(certificate.claim());
        final PublishedProtocol protocol = registry.protocol(certificate.protocol());
        final Map<String, AttestationRecord> bySri = registry.attestations(claim.id()).stream()
                .collect(Collectors.toMap(AttestationRecord::digestSRI, a -> a, (a, b) -> a));

        final Link protocolLink = protocolLink(protocol, claim);
        final List<Link> claimChildren = new ArrayList<>(List.of(protocolLink));
        claim.evidence().forEach(sri -> claimChildren.add(evidenceLink(claim, sri)));
        final List<Link> children = new ArrayList<>();
        for (final var attested : certificate.attestations()) {
            final AttestationRecord record = bySri.get(attested.digestSRI());
            final String hex = record == null ? null : record.digest();
            children.add(credentialLink(
                    "attestation",
                    attested.verifier(),
                    attested.verifier() + " attests " + attested.value() + " " + certificate.unit()
                            + " for the claim below",
                    hex,
                    attested.digestSRI(),
                    List.of()));
        }
        children.add(credentialLink(
                "claim",
                claim.id(),
                claim.owner() + " claims " + claim.claimedValue() + " " + claim.unit() + ", proof "
                        + claim.proofLevel(),
                claim.digest(),
                claim.digestSRI(),
                claimChildren));
        final String credentialHex =
                StoredCredentials.certificateHex(store, certificate).orElse(null);
        return credentialLink(
                "certificate",
                certificate.serial(),
                certificate.quantity() + " " + certificate.unit() + " (" + certificate.category() + "), "
                        + certificate.status() + ", held by " + certificate.holder(),
                credentialHex,
                certificate.credentialDigestSRI(),
                children);
    }

    /**
     * An evidence item: recomputed when this node stores the file the claim names for it (the
     * owner uploaded it); otherwise reported as not checked — the file stays with the owner.
     */
    private Link evidenceLink(final ClaimRecord claim, final String sri) {
        final String hex = evidenceHex(claim, sri);
        final var object = hex == null ? java.util.Optional.<ContentStore.StoredObject>empty() : store.get(hex);
        if (object.isEmpty()) {
            return new Link(
                    "evidence",
                    sri,
                    "not checked here: the file stays with the owner; the claim and the ledger pin this digest",
                    sri,
                    null,
                    false,
                    false,
                    List.of());
        }
        final String actual = Digests.sri(object.get().bytes());
        return new Link(
                "evidence",
                sri,
                object.get().mediaType() + ", " + object.get().bytes().length + " bytes, uploaded by the owner",
                sri,
                actual,
                true,
                actual.equals(sri),
                List.of());
    }

    /** The hex SHA-256 of the stored file the claim credential names for this evidence digest, if any. */
    private String evidenceHex(final ClaimRecord claim, final String sri) {
        if (!store.contains(claim.digest())) {
            return null;
        }
        for (final var item :
                StoredCredentials.read(store, claim.digest()).credential().evidence()) {
            final String id = item.path("id").stringValue("");
            final int at = id.lastIndexOf("/artifacts/sha256/");
            if (sri.equals(item.path("digestSRI").stringValue(null)) && at >= 0) {
                return id.substring(at + "/artifacts/sha256/".length());
            }
        }
        return null;
    }

    private Link protocolLink(final PublishedProtocol protocol, final ClaimRecord claim) {
        boolean valid = protocol.digest().equals(claim.protocolDigest());
        String actual;
        try {
            actual = ProtocolLoader.load(protocol.definition()).digest();
            valid &= actual.equals(protocol.digest());
        } catch (RuntimeException e) {
            actual = "unreadable: " + e.getMessage();
            valid = false;
        }
        return new Link(
                "protocol",
                protocol.ref(),
                protocol.unit() + ", quorum " + protocol.quorum() + " of "
                        + protocol.verifiers().size(),
                protocol.digest(),
                actual,
                true,
                valid,
                List.of());
    }

    private Link credentialLink(
            final String kind,
            final String id,
            final String detail,
            final String hex,
            final String sri,
            final List<Link> children) {
        if (hex == null) {
            return new Link(
                    kind, id, detail + " (credential not stored on this node)", sri, null, false, false, children);
        }
        try {
            final var object = store.get(hex);
            if (object.isEmpty()) {
                return new Link(
                        kind, id, detail + " (credential not stored on this node)", sri, null, false, false, children);
            }
            final String actual = Digests.sri(object.get().bytes());
            return new Link(kind, id, detail, sri, actual, true, actual.equals(sri), children);
        } catch (CredentialException e) {
            return new Link(kind, id, detail + " (" + e.getMessage() + ")", sri, null, true, false, children);
        }
    }

    /** Renders the chain as an indented tree, each link marked [ok] or [FAILED]. */
    public static String render(final Link link) {
        final StringBuilder out = new StringBuilder();
        render(link, "", out);
        return out.toString();
    }

    private static void render(final Link link, final String indent, final StringBuilder out) {
        out.append(indent)
                .append(!link.checked() ? "[?]      " : link.valid() ? "[ok]     " : "[FAILED] ")
                .append(link.kind())
                .append(' ')
                .append(link.id())
                .append('\n');
        out.append(indent).append("         ").append(link.detail()).append('\n');
        out.append(indent)
                .append("         digest ")
                .append(link.expected())
                .append(
                        link.actual() == null
                                ? ""
                                : link.valid() ? " (recomputed, matches)" : " (recomputed: " + link.actual() + ")")
                .append('\n');
        link.children().forEach(child -> render(child, indent + "    ", out));
    }
}
