/** The public registry: every certificate issued and retired, searchable, and its CSV download. */
package io.impactproof.gateway.registry;
