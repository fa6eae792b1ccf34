/** Digests that pin bytes: digestSRI and digestMultibase. */
package io.impactproof.credentials.digest;
