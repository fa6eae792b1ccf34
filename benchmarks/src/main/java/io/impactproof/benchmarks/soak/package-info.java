/**
 * The crash soak: a gateway process under concurrent HTTP load, killed with SIGKILL at random
 * moments and restarted, then checked for every acknowledged write. Run with scripts/soak; figures
 * in docs/reliability.md.
 */
package io.impactproof.benchmarks.soak;
