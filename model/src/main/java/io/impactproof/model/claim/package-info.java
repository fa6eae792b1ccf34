/** The claim record as the ledger holds it, and its state machine. */
package io.impactproof.model.claim;
