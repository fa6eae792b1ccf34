package io.impactproof.client.events;

/**
 * One event of a Server-Sent Events stream: its id (on a gateway's stream, the ledger position
 * {@code block:transaction}; null when none was given yet), its name ({@code message} when the
 * stream gave none) and its data (lines joined by {@code \n}).
 */
public record ServerSentEvent(String id, String name, String data) {}
