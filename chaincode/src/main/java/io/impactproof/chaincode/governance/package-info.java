/**
 * The members' governance, recorded and enforced on the ledger: a charter (the quorum), member
 * organisations admitted and suspended by decision, protocols published and deprecated by decision,
 * each decision a proposal approved by enough members' operators, one vote per organisation.
 */
package io.impactproof.chaincode.governance;
