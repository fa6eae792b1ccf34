/** The automated verifiers and validator this node runs, driven by ledger events from a checkpoint. */
package io.impactproof.gateway.agents;
