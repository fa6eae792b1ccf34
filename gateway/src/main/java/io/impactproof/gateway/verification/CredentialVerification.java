package io.impactproof.gateway.verification;

import io.impactproof.client.RegistryClient;
import io.impactproof.client.ledger.TransactionRefused;
import io.impactproof.credentials.CredentialException;
import io.impactproof.credentials.ErrorCode;
import io.impactproof.credentials.did.DidKey;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwtVerifier;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.gateway.participants.LedgerKeyResolver;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.attestation.AttestationRecord;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.StatusLists;
import io.impactproof.model.claim.ClaimRecord;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Verifies a claim, attestation or certificate credential against the ledger: signature by a
 * registered key, data model, validity period, that it is exactly the credential the ledger
 * recorded, and (certificates) its revocation and suspension status. Thread-safe.
 */
@Component
public class CredentialVerification {
    private final RegistryClient registry;
    private final VcJwtVerifier verifier;

    CredentialVerification(final RegistryClient registry, final LedgerKeyResolver keys, final Clock clock) {
        this.registry = registry;
        this.verifier = VcJwtVerifier.builder(keys.orElse(DidKey.RESOLVER))
                .clock(clock)
                .leeway(Duration.ofMinutes(5))
                .build();
    }

    /** One check and its outcome. This record is immutable. */
    public record Check(String check, boolean valid, String detail) {}

    /** A problem found, named by its stable code. This record is immutable. */
    public record Problem(String type, String code, String title, String detail) {
        static Problem of(final String code, final String detail) {
            return new Problem("https://impactproof.org/errors/" + code, code, code, detail);
        }
    }

    /** The VC API verification response. This record is immutable. */
    public record Result(boolean verified, String credentialType, List<Check> results, List<Problem> problemDetails) {}

    public Result verify(final String compact) {
        final List<Check> checks = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final SignedCredential credential;
        try {
            credential = verifier.verify(compact);
            checks.add(new Check(
                    "signature",
                    true,
                    "signed by " + credential.keyId() + " (" + credential.algorithm()
                            + "), a key registered on the ledger"));
            checks.add(new Check("validity", true, "within its validity period"));
        } catch (CredentialException e) {
            problems.add(Problem.of(e.code().name(), e.getMessage()));
            checks.add(new Check("signature", false, e.getMessage()));
            return new Result(false, null, checks, problems);
        }
        final var vc = credential.credential();
        final String type = vc.types().stream()
                .filter(t -> !"VerifiableCredential".equals(t))
                .findFirst()
                .orElse("VerifiableCredential");
        try {
            switch (type) {
                case CredentialTypes.CERTIFICATE -> certificate(credential, checks, problems);
                case CredentialTypes.CLAIM -> claim(credential, checks, problems);
                case CredentialTypes.ATTESTATION -> attestation(credential, checks, problems);
                case CredentialTypes.RETIREMENT -> retirement(credential, checks, problems);
                default ->
                    problems.add(Problem.of(
                            ErrorCode.TYPE_NOT_EXPECTED.name(), "not a credential of this registry: " + type));
            }
        } catch (TransactionRefused e) {
            checks.add(new Check("ledger", false, e.getMessage()));
            problems.add(Problem.of(e.code(), e.detail()));
        }
        return new Result(problems.isEmpty(), type, checks, problems);
    }

    private void certificate(
            final SignedCredential credential, final List<Check> checks, final List<Problem> problems) {
        final String serial = credential.credential().subject().path("serial").stringValue("");
        final CertificateRecord record = registry.certificate(serial);
        final boolean recorded = credential.digestSRI().equals(record.credentialDigestSRI());
        checks.add(new Check(
                "ledger",
                recorded,
                recorded
                        ? "the ledger records this exact credential for " + serial
                        : "the ledger records another credential for " + serial));
        if (!recorded) {
            problems.add(Problem.of(
                    ErrorCode.DIGEST_MISMATCH.name(),
                    "not the certificate credential the ledger recorded for " + serial));
        }
        for (final String purpose : List.of(StatusLists.REVOCATION, StatusLists.SUSPENSION)) {
            final boolean set = credential.credential().status().stream()
                    .filter(e -> purpose.equals(e.statusPurpose()))
                    .anyMatch(e -> bitSet(purpose, e));
            checks.add(new Check(
                    purpose, !set, set ? "the " + purpose + " bit is set" : "the " + purpose + " bit is clear"));
            if (set) {
                problems.add(Problem.of(
                        StatusLists.REVOCATION.equals(purpose)
                                ? ApiError.CERTIFICATE_REVOKED.name()
                                : ApiError.CERTIFICATE_SUSPENDED.name(),
                        serial + " is " + record.status() + (record.reason() == null ? "" : ": " + record.reason())));
            }
        }
        checks.add(new Check(
                "status",
                record.status() != CertificateStatus.REVOKED,
                serial + " is " + record.status() + ", held by " + record.holder()));
    }

    private boolean bitSet(final String purpose, final StatusEntry entry) {
        final String path = entry.statusListCredential();
        final long list = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        return path.endsWith(StatusLists.listPath(purpose, list))
                && registry.statusBits(purpose, list).contains(entry.index().longValue());
    }

    private void retirement(final SignedCredential credential, final List<Check> checks, final List<Problem> problems) {
        final var subject = credential.credential().subject();
        final CertificateRecord record =
                registry.certificate(subject.path("serial").stringValue(""));
        final boolean retired = record.retirement() != null
                && record.retirement()
                        .beneficiary()
                        .equals(subject.path("beneficiary").stringValue(""))
                && record.retirement()
                        .reportingPeriod()
                        .equals(subject.path("reportingPeriod").stringValue(""))
                && record.quantity().equals(subject.path("quantity").stringValue(""));
        checks.add(new Check(
                "ledger",
                retired,
                retired
                        ? record.serial() + " is retired for "
                                + record.retirement().beneficiary()
                        : "the ledger records no such retirement"));
        if (!retired) {
            problems.add(Problem.of(ErrorCode.DIGEST_MISMATCH.name(), "the retirement does not match the ledger"));
        }
    }

    private void claim(final SignedCredential credential, final List<Check> checks, final List<Problem> problems) {
        final ClaimRecord record = registry.claim(credential.credential().id().orElse(""));
        final boolean recorded = record.digestSRI().equals(credential.digestSRI());
        checks.add(new Check("ledger", recorded, "claim " + record.id() + " is " + record.status()));
        if (!recorded) {
            problems.add(Problem.of(
                    ErrorCode.DIGEST_MISMATCH.name(), "not the claim the ledger recorded as " + record.id()));
        }
    }

    private void attestation(
            final SignedCredential credential, final List<Check> checks, final List<Problem> problems) {
        final String claimId = credential.credential().subject().path("id").stringValue("");
        final boolean recorded = registry.attestations(claimId).stream()
                .map(AttestationRecord::digestSRI)
                .anyMatch(credential.digestSRI()::equals);
        checks.add(new Check(
                "ledger",
                recorded,
                recorded
                        ? "recorded as an attestation of " + claimId
                        : "no such attestation of " + claimId + " on the ledger"));
        if (!recorded) {
            problems.add(Problem.of(
                    ErrorCode.DIGEST_MISMATCH.name(), "not an attestation the ledger recorded for " + claimId));
        }
    }
}
