/**
 * Benchmarks of the live stores against a real Redis; run with the {@code bench} profile, never
 * part of the test run.
 */
package stream.pika.bench;
