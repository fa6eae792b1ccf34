/** Claims over HTTP: evidence upload, submission, the claims awaiting a verifier, signed reads of claim data, rejection. */
package io.impactproof.gateway.claims;
