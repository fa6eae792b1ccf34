/** Bitstring Status Lists and their credentials. */
package io.impactproof.credentials.status;
