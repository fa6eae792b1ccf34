package io.impactproof.client;

import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.vc.RelatedResource;
import io.impactproof.credentials.vc.StatusEntry;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.StatusLists;
import io.impactproof.model.protocol.PublishedProtocol;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the registry's three credentials — impact claim, verifier attestation, proof-of-impact
 * certificate — as designed in shared/credentials.md §5. This class is thread-safe.
 */
public final class ImpactCredentials {
    private ImpactCredentials() {}

    /** An evidence item pinned by the digest of its exact bytes, served at {@code url}. */
    public record Evidence(String url, String name, String mediaType, byte[] bytes) {}

    public static VerifiableCredential claim(
            final String id,
            final String owner,
            final PublishedProtocol protocol,
            final JsonNode data,
            final List<Evidence> evidence,
            final Instant validFrom) {
        final ObjectNode subject = Json.object().put("type", "ImpactClaim");
        subject.set("protocol", protocolRef(protocol));
        subject.set("data", data.deepCopy());
        final VerifiableCredential.Builder builder = VerifiableCredential.builder()
                .context(CredentialTypes.IMPACT_CONTEXT)
                .type(CredentialTypes.CLAIM)
                .id(id)
                .issuer(owner)
                .validFrom(validFrom)
                .subject(subject)
                .termsOfUse(Json.object().put("id", protocol.urn()).put("type", "ImpactProtocolPolicy"));
        for (final Evidence item : evidence) {
            final RelatedResource pinned = RelatedResource.of(item.url(), item.mediaType(), item.bytes());
            builder.evidence(Json.object()
                    .put("id", item.url())
                    .put("type", "Evidence")
                    .put("name", item.name())
                    .put("mediaType", item.mediaType())
                    .put("digestSRI", pinned.digestSRI())
                    .put("digestMultibase", pinned.digestMultibase()));
            builder.relatedResource(pinned);
        }
        return builder.build();
    }

    /**
     * A person's consent, to be signed with the person's own did:key: the proofs of these months
     * about the person (named by {@link io.impactproof.model.consent.Subjects#digest}) may reach the owner.
     *
     * @param validUntil when the consent lapses, or null
     */
    public static VerifiableCredential consent(
            final String id,
            final String person,
            final String owner,
            final String subject,
            final List<String> months,
            final List<String> proofs,
            final Instant validUntil,
            final Instant validFrom) {
        final ObjectNode body =
                Json.object().put("type", "Consent").put("owner", owner).put("subject", subject);
        months.forEach(body.putArray("months")::add);
        proofs.forEach(body.putArray("proofs")::add);
        final VerifiableCredential.Builder builder = VerifiableCredential.builder()
                .context(CredentialTypes.IMPACT_CONTEXT)
                .type(CredentialTypes.CONSENT)
                .id(id)
                .issuer(person)
                .validFrom(validFrom)
                .subject(body);
        if (validUntil != null) {
            builder.validUntil(validUntil);
        }
        return builder.build();
    }

    /**
     * A verifier's attestation of a claim: outcome {@code Verified} with its value, or {@code Rejected}.
     *
     * @param claimUrl where the claim's exact vc+jwt is served
     */
    public static VerifiableCredential attestation(
            final String id,
            final String verifier,
            final SignedCredential claim,
            final String claimUrl,
            final PublishedProtocol protocol,
            final String value,
            final String outcome,
            final Instant validFrom) {
        return attestation(
                id,
                verifier,
                claim,
                claimUrl,
                protocol,
                new Attested(claim.credential().id().orElseThrow(), protocol.unit(), value, outcome, null),
                validFrom);
    }

    /**
     * What a verifier attests of one claim record: a multi-criteria claim has one record per
     * criterion ({@code recordId}, with its unit), each attested on its own.
     *
     * @param computation how an algorithmic verifier got the value (reference implementation, its
     *     version, the digest of each request), so that anyone can recompute it; null for a person
     */
    public record Attested(String recordId, String unit, String value, String outcome, ObjectNode computation) {}

    /** The attestation credential of one claim record. */
    public static VerifiableCredential attestation(
            final String id,
            final String verifier,
            final SignedCredential claim,
            final String claimUrl,
            final PublishedProtocol protocol,
            final Attested attested,
            final Instant validFrom) {
        final String value = attested.value();
        final String outcome = attested.outcome();
        final ObjectNode subject = Json.object().put("id", attested.recordId()).put("type", "ImpactAttestation");
        subject.set(
                "attestedClaim",
                Json.object()
                        .put("id", claimUrl)
                        .put("mediaType", SignedCredential.MEDIA_TYPE)
                        .put("digestSRI", claim.digestSRI()));
        subject.put("verificationMethodology", protocol.urn() + "#verification");
        subject.put("outcome", outcome);
        subject.putArray("verifiedImpact")
                .addObject()
                .put("type", "ImpactQuantity")
                .put("value", value)
                .put("unit", attested.unit());
        if (attested.computation() != null) {
            subject.set("computation", attested.computation());
        }
        return VerifiableCredential.builder()
                .context(CredentialTypes.IMPACT_CONTEXT)
                .type(CredentialTypes.ATTESTATION)
                .id(id)
                .issuer(verifier)
                .validFrom(validFrom)
                .subject(subject)
                .termsOfUse(Json.object().put("id", protocol.urn()).put("type", "ImpactProtocolPolicy"))
                .relatedResource(new RelatedResource(claimUrl, SignedCredential.MEDIA_TYPE, claim.digestSRI(), null))
                .build();
    }

    /**
     * The certificate credential of a certificate record, stating exactly what the ledger recorded.
     *
     * @param baseUrl the gateway's public URL; status lists live at {@code baseUrl/status/<purpose>/<n>}
     * @param attestationUrls where each attestation's vc+jwt is served, in record order
     * @param evidence the claim's evidence items (each with its digestSRI), carried over so a
     *     financer sees what the impact rests on
     */
    public static VerifiableCredential certificate(
            final CertificateRecord record,
            final PublishedProtocol protocol,
            final String baseUrl,
            final String claimUrl,
            final List<String> attestationUrls,
            final List<ObjectNode> evidence,
            final Instant validFrom) {
        return certificate(record, protocol, baseUrl, claimUrl, attestationUrls, evidence, null, validFrom);
    }

    /**
     * The certificate credential, with how the certified value was computed when algorithmic
     * verifiers got it from a reference implementation ({@code certifiedImpact[0].computation}: its
     * version and the digest of each request), so that anyone can recompute it.
     */
    public static VerifiableCredential certificate(
            final CertificateRecord record,
            final PublishedProtocol protocol,
            final String baseUrl,
            final String claimUrl,
            final List<String> attestationUrls,
            final List<ObjectNode> evidence,
            final ObjectNode computation,
            final Instant validFrom) {
        final ObjectNode subject = Json.object()
                .put("id", baseUrl + "/certificates/" + record.serial())
                .put("type", "CertifiedImpact")
                .put("serial", record.serial())
                .put("projectOwner", record.producer())
                .put("category", record.category())
                .put("proofLevel", record.proofLevel());
        subject.putObject("monitoringPeriod")
                .put("startDate", record.periodStart())
                .put("endDate", record.periodEnd());
        final ObjectNode certified = subject.putArray("certifiedImpact")
                .addObject()
                .put("type", "ImpactQuantity")
                .put("value", record.quantity())
                .put("unit", record.unit());
        if (computation != null) {
            certified.set("computation", computation);
        }
        subject.set("protocol", protocolRef(protocol));
        subject.set("basedOnClaim", Json.object().put("id", claimUrl).put("digestSRI", record.claimDigestSRI()));
        final var based = subject.putArray("basedOnAttestation");
        for (int i = 0; i < record.attestations().size(); i++) {
            based.addObject()
                    .put("id", attestationUrls.get(i))
                    .put("digestSRI", record.attestations().get(i).digestSRI());
        }
        final VerifiableCredential.Builder builder = VerifiableCredential.builder()
                .context(CredentialTypes.IMPACT_CONTEXT)
                .type(CredentialTypes.CERTIFICATE)
                .id(baseUrl + "/certificates/" + record.serial())
                .name("Proof-of-impact certificate " + record.serial())
                .issuer(record.validator())
                .validFrom(validFrom)
                .subject(subject)
                .termsOfUse(Json.object().put("id", protocol.urn()).put("type", "ImpactProtocolPolicy"))
                .relatedResource(
                        new RelatedResource(claimUrl, SignedCredential.MEDIA_TYPE, record.claimDigestSRI(), null));
        for (int i = 0; i < record.attestations().size(); i++) {
            builder.relatedResource(new RelatedResource(
                    attestationUrls.get(i),
                    SignedCredential.MEDIA_TYPE,
                    record.attestations().get(i).digestSRI(),
                    null));
        }
        evidence.forEach(builder::evidence);
        for (final String purpose : List.of(StatusLists.REVOCATION, StatusLists.SUSPENSION)) {
            builder.status(StatusEntry.of(
                    baseUrl + StatusLists.path(purpose, record.statusIndex()),
                    purpose,
                    StatusLists.index(record.statusIndex())));
        }
        return builder.build();
    }

    private static ObjectNode protocolRef(final PublishedProtocol protocol) {
        return Json.object()
                .put("id", protocol.urn())
                .put("version", protocol.version())
                .put("digestSRI", protocol.digestSRI());
    }
}
