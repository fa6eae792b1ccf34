package io.impactproof.model.campaign;

import java.util.List;

/**
 * Which certificates a campaign funds; an empty list admits any. This record is immutable.
 *
 * @param protocols protocol ids, each optionally with an inclusive version range
 * @param categories impact categories
 * @param minProofLevel the weakest proof level funded (declarative, calculated, verified)
 * @param owners the project owners' DIDs
 * @param beneficiaries the people funded, by subject digest (an employer's employees, whose
 *     pseudonymous ids the employer holds; see {@code consent.Subjects})
 * @param organisations the sub-networks (MSP ids) whose certificates are funded
 * @param periodStart first day of the activity periods funded (ISO date)
 * @param periodEnd last day of the activity periods funded (ISO date)
 */
public record Eligibility(
        List<ProtocolRange> protocols,
        List<String> categories,
        String minProofLevel,
        List<String> owners,
        List<String> beneficiaries,
        List<String> organisations,
        String periodStart,
        String periodEnd) {
    public Eligibility {
        protocols = List.copyOf(protocols);
        categories = List.copyOf(categories);
        owners = List.copyOf(owners);
        beneficiaries = List.copyOf(beneficiaries);
        organisations = List.copyOf(organisations);
    }

    /**
     * A protocol id and the versions of it a campaign funds. This record is immutable.
     *
     * @param from the lowest version funded (inclusive), or null for any
     * @param to the highest version funded (inclusive), or null for any
     */
    public record ProtocolRange(String id, String from, String to) {}
}
