/** vc+jwt and signed JWS: signing keys, signing and the verification pipeline. */
package io.impactproof.credentials.jwt;
