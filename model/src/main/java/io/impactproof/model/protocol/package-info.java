/** A protocol version as anchored on the ledger. */
package io.impactproof.model.protocol;
