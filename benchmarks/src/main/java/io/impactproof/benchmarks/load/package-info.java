/**
 * The HTTP load test: a gateway process with its agents on, concurrent clients posting pre-signed
 * claims, every claim followed to its certificate. scripts/loadtest; figures in docs/performance.md.
 */
package io.impactproof.benchmarks.load;
