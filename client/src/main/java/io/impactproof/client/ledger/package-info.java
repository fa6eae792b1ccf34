/** The LedgerPort seam every ledger implements: submit, evaluate, events from a checkpoint, ledger info, a failure type per outcome. */
package io.impactproof.client.ledger;
