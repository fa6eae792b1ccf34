/** DIDs: did:key and did:web, DID documents and key resolution. */
package io.impactproof.credentials.did;
