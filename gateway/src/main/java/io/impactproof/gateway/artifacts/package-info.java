/** The content-addressed store of signed credentials and evidence, and the endpoints that serve them checked against the ledger. */
package io.impactproof.gateway.artifacts;
