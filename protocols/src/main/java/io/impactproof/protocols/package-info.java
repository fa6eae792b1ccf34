/** Impact protocols as data: the strict loader, its checks and error codes, and the cache of compiled protocols. */
package io.impactproof.protocols;
