package io.impactproof.gateway.claims;

import io.impactproof.client.ImpactCredentials;
import io.impactproof.client.RegistryClient;
import io.impactproof.credentials.jwt.SignedCredential;
import io.impactproof.gateway.artifacts.ContentStore;
import io.impactproof.gateway.artifacts.StoredCredentials;
import io.impactproof.gateway.participants.SignedReads;
import io.impactproof.gateway.system.ApiError;
import io.impactproof.gateway.system.ApiException;
import io.impactproof.gateway.system.GatewayProperties;
import io.impactproof.model.RegistryError;
import io.impactproof.model.claim.ClaimRecord;
import io.impactproof.model.protocol.PublishedProtocol;
import io.impactproof.protocols.ProtocolCache;
import io.impactproof.protocols.ProtocolException;
import io.impactproof.protocols.engine.CompiledProtocol;
import io.impactproof.protocols.engine.Evaluation;
import io.impactproof.protocols.engine.RuleFailure;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a human verifier needs to decide, and nothing it must trust: the claim's data and evidence
 * digests, the protocol's own computation beside the claimed value, and the unsigned attestation
 * it would sign. The verifier signs in its browser (or with the CLI) with its own key, which never
 * reaches the gateway; the chaincode then checks the designation, the digests and the value.
 * Both reads need a {@code claims.read} instruction by a designated verifier, validator or the owner.
 */
@RestController
@Tag(name = "attestations", description = "Verifiers check claims and attest")
class ReviewController {
    private final RegistryClient registry;
    private final ContentStore store;
    private final SignedReads reads;
    private final String baseUrl;
    private final Clock clock;

    ReviewController(
            final RegistryClient registry,
            final ContentStore store,
            final SignedReads reads,
            final GatewayProperties settings,
            final Clock clock) {
        this.registry = registry;
        this.store = store;
        this.reads = reads;
        this.baseUrl = settings.baseUrl();
        this.clock = clock;
    }

    /**
     * A claim under review. This record is immutable.
     *
     * @param computed the protocol engine's value for the record's category from the claim's data
     *     (null when ineligible), at the protocol's scale
     * @param failures the eligibility rules the data fail
     */
    record Review(
            ClaimRecord record,
            JsonNode data,
            List<JsonNode> evidence,
            String protocol,
            String computed,
            List<String> failures,
            Map<String, String> calculations) {}

    @GetMapping("/verifiers/claims/{id}/review")
    @Operation(
            summary = "A claim for a human verifier: its data and evidence digests, the protocol's computation beside "
                    + "the claimed value; Authorization: Instruction <claims.read>")
    Review review(
            @PathVariable final String id,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final ClaimRecord record = registry.claim(id);
        reads.requireReader(authorization, record);
        final SignedCredential claim = claim(record);
        final PublishedProtocol protocol = registry.protocol(record.protocol());
        final CompiledProtocol compiled = ProtocolCache.compiled(protocol.digest(), protocol.definition());
        final JsonNode data = claim.credential().subject().path("data");
        String computed = null;
        List<String> failures = List.of();
        final Map<String, String> calculations = new TreeMap<>();
        try {
            final Evaluation evaluation = compiled.evaluate(data);
            failures = evaluation.failures().stream().map(RuleFailure::ruleId).toList();
            computed = evaluation
                    .value(record.category())
                    .map(BigDecimal::toPlainString)
                    .orElse(null);
            evaluation.calculations().forEach((k, v) -> calculations.put(k, v.toPlainString()));
        } catch (ProtocolException e) {
            failures = List.of(e.code().name());
        }
        return new Review(
                record,
                data,
                List.copyOf(claim.credential().evidence()),
                protocol.ref(),
                computed,
                failures,
                calculations);
    }

    @GetMapping("/verifiers/claims/{id}/draft")
    @Operation(
            summary = "The unsigned attestation (the vc+jwt payload) a verifier signs itself: value and outcome "
                    + "(Verified or Rejected) as the verifier decided; Authorization: Instruction <claims.read>")
    ObjectNode draft(
            @PathVariable final String id,
            @RequestParam final String verifier,
            @RequestParam final String value,
            @RequestParam(defaultValue = "Verified") final String outcome,
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) final String authorization) {
        final ClaimRecord record = registry.claim(id);
        final String reader = reads.requireSigner(authorization, SignedReads.READ_CLAIM, "claim", id);
        if (!reader.equals(verifier)) {
            throw new ApiException(RegistryError.FORBIDDEN, "a draft is for the verifier who signed the read");
        }
        reads.requireReader(authorization, record);
        if (!"Verified".equals(outcome) && !"Rejected".equals(outcome)) {
            throw new ApiException(ApiError.PARAMETER_INVALID, "outcome is Verified or Rejected");
        }
        final PublishedProtocol protocol = registry.protocol(record.protocol());
        final BigDecimal decided;
        try {
            decided = new BigDecimal(value).setScale(protocol.decimals(), RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ApiException(
                    ApiError.PARAMETER_INVALID, "value is a decimal with at most " + protocol.decimals() + " decimals");
        }
        final SignedCredential claim = claim(record);
        final var vc = ImpactCredentials.attestation(
                "urn:uuid:" + UUID.randomUUID(),
                verifier,
                claim,
                baseUrl + "/artifacts/sha256/" + record.digest(),
                protocol,
                new ImpactCredentials.Attested(record.id(), record.unit(), decided.toPlainString(), outcome, null),
                clock.instant());
        final ObjectNode payload = vc.toJson();
        payload.put("iss", verifier);
        payload.put("iat", clock.instant().getEpochSecond());
        return payload;
    }

    private SignedCredential claim(final ClaimRecord record) {
        if (!store.contains(record.digest())) {
            throw new ApiException(ApiError.NOT_FOUND, "the claim credential is not stored on this node");
        }
        return StoredCredentials.read(store, record.digest());
    }
}
