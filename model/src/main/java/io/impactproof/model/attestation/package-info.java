/** The attestation record as the ledger holds it. */
package io.impactproof.model.attestation;
