/** JSON with one strict mapper and RFC 8785 canonicalisation. */
package io.impactproof.credentials.json;
