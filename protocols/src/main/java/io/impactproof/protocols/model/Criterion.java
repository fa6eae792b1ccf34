package io.impactproof.protocols.model;

/**
 * A further criterion of a multi-criteria protocol (e.g. primary energy beside climate change): its
 * own impact category, unit and CEL formula, at the protocol's decimals. Each criterion's value is
 * recorded, certified, held and retired on its own and never added to another. This record is
 * immutable.
 *
 * @param id slug naming the criterion; the suffix of its claim record's id ({@code <claim id>#<id>})
 */
public record Criterion(String id, String category, String pillar, String indicator, String unit, String formula) {}
