/** Verification: the W3C VC API endpoint and the trust chain of a certificate with every digest recomputed. */
package io.impactproof.gateway.verification;
