/** Participants over HTTP, DID documents from ledger keys, and signed reads authorised by registered keys. */
package io.impactproof.gateway.participants;
