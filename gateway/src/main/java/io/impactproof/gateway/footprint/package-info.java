/**
 * The registry's own footprint: what each certificate costs to produce and keep, from the CPU time
 * each transaction kind measurably took in this process, the bytes kept, and the node's hardware
 * impacts from BoaviztAPI. Method and assumptions: docs/footprint.md.
 */
package io.impactproof.gateway.footprint;
