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
        List<Criterion> criteria,
        ActivitySpec activity,
        JsonNode claimSchema,
        Map<String, JsonNode> constants,
        List<Rule> eligibility,
        List<Calculation> calculations,
        Baseline baseline,
        ProofSpec proof,
        Consent consent,
        VerificationPolicy verification,
        List<String> validators) {

    /** The further criteria of a multi-criteria protocol; empty for a single-criterion one. */
    public List<Criterion> criteria() {
        return criteria == null ? List.of() : criteria;
    }

    /** {@code id@version}, the reference claims and certificates use. */
    public String ref() {
        return id + "@" + version;
    }
}
