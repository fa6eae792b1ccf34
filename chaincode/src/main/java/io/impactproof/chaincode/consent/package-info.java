/**
 * Consents of the people claims are about (employees): signed with their own did:key, recorded per
 * owner, subject digest and month, checked when a claim under a protocol with a consent block is
 * submitted, and withdrawn by the person for the months ahead.
 */
package io.impactproof.chaincode.consent;
