/** Participants and their roles as registered on the ledger. */
package io.impactproof.model.participant;
