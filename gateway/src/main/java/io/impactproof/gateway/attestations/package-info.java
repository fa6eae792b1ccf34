/** Attestations over HTTP: verifiers record theirs, anyone lists a claim's. */
package io.impactproof.gateway.attestations;
