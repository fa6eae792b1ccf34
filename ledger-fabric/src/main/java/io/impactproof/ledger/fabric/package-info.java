/** The registry's ledger port on a Hyperledger Fabric network, through the Fabric Gateway SDK. */
package io.impactproof.ledger.fabric;
