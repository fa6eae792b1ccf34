package io.impactproof.chaincode.certificate;

import io.impactproof.chaincode.context.RegistryException;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.model.RegistryError;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.StatusLists;
import io.impactproof.model.protocol.PublishedProtocol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks that a certificate credential states exactly what the ledger recorded, so that a financer
 * who verifies the credential offline learns the same facts as one who reads the ledger.
 */
final class CertificateCredentialCheck {
    private CertificateCredentialCheck() {}

    static void check(
            final VerifiableCredential vc,
            final CertificateRecord certificate,
            final PublishedProtocol protocol,
            final List<String> claimEvidence) {
        final ObjectNode subject = vc.subject();
        same("serial", subject.path("serial").stringValue(null), certificate.serial());
        same("projectOwner", subject.path("projectOwner").stringValue(null), certificate.producer());
        final JsonNode impact = subject.path("certifiedImpact").path(0);
        same("certifiedImpact.value", impact.path("value").stringValue(null), certificate.quantity());
        same("certifiedImpact.unit", impact.path("unit").stringValue(null), certificate.unit());
        same("protocol.digestSRI", subject.path("protocol").path("digestSRI").stringValue(null), protocol.digestSRI());
        same(
                "basedOnClaim.digestSRI",
                subject.path("basedOnClaim").path("digestSRI").stringValue(null),
                certificate.claimDigestSRI());
        final Set<String> pinned = new HashSet<>();
        subject.path("basedOnAttestation")
                .forEach(a -> pinned.add(a.path("digestSRI").stringValue("")));
        final Set<String> recorded = new HashSet<>();
        certificate.attestations().forEach(a -> recorded.add(a.digestSRI()));
        if (!pinned.equals(recorded)) {
            throw mismatch("basedOnAttestation must pin exactly the " + recorded.size() + " recorded attestations");
        }
        final Set<String> evidence = new HashSet<>();
        vc.evidence().forEach(e -> evidence.add(e.path("digestSRI").stringValue("")));
        if (!evidence.equals(new HashSet<>(claimEvidence))) {
            throw mismatch("evidence must pin exactly the " + claimEvidence.size() + " evidence digests of the claim");
        }
        checkStatus(vc, certificate, StatusLists.REVOCATION);
        checkStatus(vc, certificate, StatusLists.SUSPENSION);
    }

    private static void checkStatus(
            final VerifiableCredential vc, final CertificateRecord certificate, final String purpose) {
        final boolean found = vc.status().stream()
                .filter(e -> purpose.equals(e.statusPurpose()))
                .anyMatch(e -> matches(e, certificate, purpose));
        if (!found) {
            throw mismatch("credentialStatus needs a " + purpose + " entry at index "
                    + StatusLists.index(certificate.statusIndex()) + " of a list ending "
                    + StatusLists.path(purpose, certificate.statusIndex()));
        }
    }

    private static boolean matches(final StatusEntry entry, final CertificateRecord certificate, final String purpose) {
        return entry.index().longValue() == StatusLists.index(certificate.statusIndex())
                && entry.statusListCredential().endsWith(StatusLists.path(purpose, certificate.statusIndex()));
    }

    private static void same(final String field, final String stated, final String recorded) {
        if (!recorded.equals(stated)) {
            throw mismatch(field + " is " + stated + ", the ledger recorded " + recorded);
        }
    }

    private static RegistryException mismatch(final String detail) {
        return new RegistryException(RegistryError.CERTIFICATE_MISMATCH, detail);
    }
}
