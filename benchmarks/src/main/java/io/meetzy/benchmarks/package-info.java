/**
 * JMH benchmarks and load generators for the SDK. Each benchmark's command and measured numbers
 * are in BENCHMARKS.md at the root of the repository.
 */
package io.meetzy.benchmarks;
