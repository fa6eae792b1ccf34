/** Attestations: the contract by which designated verifiers vote on a claim, and their repository. */
package io.impactproof.chaincode.attestation;
