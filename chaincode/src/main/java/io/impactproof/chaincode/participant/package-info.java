/** Participants: registration, key rotation, deactivation, and their repository. */
package io.impactproof.chaincode.participant;
