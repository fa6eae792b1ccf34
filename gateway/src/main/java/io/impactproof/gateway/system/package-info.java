/** The service's plumbing: settings, the ledger configuration, problem+json errors, request bodies, the key store. */
package io.impactproof.gateway.system;
