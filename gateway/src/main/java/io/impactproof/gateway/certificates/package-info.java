/** Certificates over HTTP: issuing, attaching, status changes, public reads, status lists and retirement credentials. */
package io.impactproof.gateway.certificates;
