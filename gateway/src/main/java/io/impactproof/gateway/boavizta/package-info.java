/**
 * BoaviztAPI, the Boavizta methodology's reference implementation, called over HTTP: the
 * algorithmic verifiers of the digital-services protocols and the registry's own footprint.
 */
package io.impactproof.gateway.boavizta;
