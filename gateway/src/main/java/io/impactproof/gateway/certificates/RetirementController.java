package io.impactproof.gateway.certificates;

import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.json.Json;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.credentials.jwt.VcJwt;
import io.impactproof.credentials.vc.RelatedResource;
import io.impactproof.credentials.vc.VerifiableCredential;
import io.impactproof.gateway.agents.ManagedAgents;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.CredentialTypes;
import io.impactproof.model.certificate.CertificateRecord;
import io.impactproof.model.certificate.CertificateStatus;
import io.impactproof.model.certificate.Retirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public retirement credential of a retired certificate, signed by the registry's operator:
 * built from the ledger's retirement record, dated at the retirement, so the same bytes come back
 * every time (Ed25519 signatures are deterministic).
 */
@RestController
@Tag(name = "certificates", description = "The validator fixes values and issues certificates; anyone reads them")
record RetirementController(
        ManagedAgents agents, RegistryClient registry, ContentStore store, GatewayProperties properties) {

    @GetMapping(value = "/certificates/{serial}/retirement", produces = SignedCredential.MEDIA_TYPE)
    @Operation(
            summary =
                    "The public retirement credential of a retired certificate (beneficiary, purpose, jurisdiction, reporting period)")
    ResponseEntity<String> retirement(@PathVariable final String serial) {
        final CertificateRecord certificate = registry.certificate(serial);
        final Retirement retirement = certificate.retirement();
        if (retirement == null
                || certificate.status() != CertificateStatus.RETIRED
                        && certificate.status() != CertificateStatus.REVOKED) {
            throw new ApiException(ApiError.NOT_FOUND, serial + " is not retired");
        }
        final Instant at = Instant.parse(retirement.retiredAt());
        final String base = properties.baseUrl();
        final ObjectNode subject = Json.object()
                .put("id", base + "/certificates/" + serial)
                .put("type", "Retirement")
                .put("serial", serial)
                .put("quantity", certificate.quantity())
                .put("unit", certificate.unit())
                .put("category", certificate.category())
                .put("beneficiary", retirement.beneficiary())
                .put("purpose", retirement.purpose())
                .put("jurisdiction", retirement.jurisdiction())
                .put("reportingPeriod", retirement.reportingPeriod())
                .put("retiredBy", retirement.retiredBy())
                .put("ledgerTransaction", retirement.txId());
        final VerifiableCredential.Builder vc = VerifiableCredential.builder()
                .context(CredentialTypes.IMPACT_CONTEXT)
                .type(CredentialTypes.RETIREMENT)
                .id(base + "/certificates/" + serial + "/retirement")
                .name("Retirement of " + serial)
                .issuer(agents.operator().did())
                .validFrom(at)
                .subject(subject);
        if (certificate.credentialDigestSRI() != null) {
            vc.relatedResource(new RelatedResource(
                    base + "/certificates/" + serial + "?credential",
                    SignedCredential.MEDIA_TYPE,
                    certificate.credentialDigestSRI(),
                    null));
        }
        final SignedCredential signed = VcJwt.sign(vc.build(), agents.operator(), at);
        StoredCredentials.store(store, signed);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SignedCredential.MEDIA_TYPE)
                .body(signed.compact());
    }
}
