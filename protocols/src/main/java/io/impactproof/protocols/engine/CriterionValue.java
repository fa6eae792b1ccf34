package io.impactproof.protocols.engine;

import java.math.BigDecimal;

/**
 * The value of one further criterion of a multi-criteria claim. This record is immutable.
 *
 * @param id the criterion's id in the protocol
 * @param uniquenessKey hex SHA-256 of {activity type, this criterion's category, key}: the same
 *     activity's key, in this criterion's category
 */
public record CriterionValue(String id, String category, String unit, BigDecimal value, String uniquenessKey) {}
