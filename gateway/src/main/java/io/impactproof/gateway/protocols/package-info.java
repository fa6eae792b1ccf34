/** Protocols over HTTP: publication by operators, public reads of the canonical definitions. */
package io.impactproof.gateway.protocols;
