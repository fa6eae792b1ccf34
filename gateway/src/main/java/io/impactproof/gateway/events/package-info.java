/** The ledger's events as a Server-Sent Events stream that a client resumes where it left off. */
package io.impactproof.gateway.events;
