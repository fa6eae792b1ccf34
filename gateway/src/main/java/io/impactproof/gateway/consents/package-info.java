/** Employees' consents over HTTP: given as credentials signed with their own did:key, withdrawn for the months ahead. */
package io.impactproof.gateway.consents;
