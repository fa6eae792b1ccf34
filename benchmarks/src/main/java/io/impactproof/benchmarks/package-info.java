/** JMH and end-to-end benchmarks; results in docs/performance.md, never part of the tests. */
package io.impactproof.benchmarks;
