/**
 * The registry's own footprint, measured on a running gateway (and, on Fabric, on every node of the
 * network): scripts/footprint; figures in docs/footprint.md.
 */
package io.impactproof.benchmarks.footprint;
