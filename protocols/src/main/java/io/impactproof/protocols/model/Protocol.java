package io.impactproof.protocols.model;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An impact protocol as written in its definition file: data, not code. This record is immutable
 * apart from the JSON nodes, which {@link io.impactproof.protocols.ProtocolLoader} never hands out.
 * The format is documented in {@code protocols/README.md}.
 */
public record Protocol(
        String id,
        String version,
        String title,
        String description,
        String framework,
        List<Source> sources,
        Sdg sdg,
        ImpactSpec impact,
        ActivitySpec activity,
        JsonNode claimSchema,
        Map<String, JsonNode> constants,
        List<Rule> eligibility,
        List<Calculation> calculations,
        Baseline baseline,
        ProofSpec proof,
        VerificationPolicy verification,
        List<String> validators) {

    /** {@code id@version}, the reference claims and certificates use. */
    public String ref() {
        return id + "@" + version;
    }
}
