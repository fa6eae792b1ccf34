package io.impactproof.protocols.engine;

import io.impactproof.protocols.model.ProofLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The result of evaluating claim data under a protocol. This record is immutable.
 *
 * @param protocolRef {@code id@version}
 * @param eligible whether every eligibility rule held (and the proof level and impact sign are met)
 * @param failures the rules that failed, in protocol order
 * @param impact the impact at the protocol's scale, present only when eligible
 * @param calculations every calculation at the protocol's scale, by name (empty when ineligible)
 * @param uniquenessKey hex SHA-256 of the canonical {activity type, impact category, key}: equal for
 *     the same activity in the same category under any protocol
 * @param assetKey hex SHA-256 of the canonical {activity type, asset}
 * @param periodStart first day of the activity
 * @param periodEnd last day of the activity
 * @param proofLevel the proof level the claim reaches
 * @param activityKey the key parts in clear (stays off the ledger: it may identify a person)
 * @param criteria the further criteria's values, in protocol order (empty when ineligible or for a
 *     single-criterion protocol); {@link #impact} is the first criterion's
 */
public record Evaluation(
        String protocolRef,
        boolean eligible,
        List<RuleFailure> failures,
        Optional<BigDecimal> impact,
        Map<String, BigDecimal> calculations,
        String category,
        String unit,
        String uniquenessKey,
        String assetKey,
        LocalDate periodStart,
        LocalDate periodEnd,
        ProofLevel proofLevel,
        Map<String, String> activityKey,
        List<CriterionValue> criteria) {
    public Evaluation {
        failures = List.copyOf(failures);
        criteria = List.copyOf(criteria);
        calculations = Map.copyOf(calculations);
        activityKey = Map.copyOf(activityKey);
    }

    /**
     * The value in one impact category: the impact's, or a further criterion's (a multi-criteria
     * claim's record on the ledger names its category); empty when ineligible or not a category of
     * this protocol.
     */
    public Optional<BigDecimal> value(final String inCategory) {
        if (inCategory.equals(category)) {
            return impact;
        }
        return criteria.stream()
                .filter(c -> c.category().equals(inCategory))
                .map(CriterionValue::value)
                .findFirst();
    }
}
