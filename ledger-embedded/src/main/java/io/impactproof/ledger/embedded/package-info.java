/** The embedded ledger: the chaincode run in-process on a durable, hash-chained block file, behind the LedgerPort seam. */
package io.impactproof.ledger.embedded;
