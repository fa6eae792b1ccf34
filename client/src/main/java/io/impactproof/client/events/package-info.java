/** A gateway's event stream ({@code GET /events}) read over HTTP by parties outside the node. */
package io.impactproof.client.events;
