/** A person's monthly consents to share proofs with an owner. */
package io.impactproof.model.consent;
