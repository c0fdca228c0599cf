/**
 * The benchmarks of {@code scripts/bench}: one JUnit class per benchmark, tagged {@code bench} (so
 * {@code ./mvnw verify} leaves them out and the Maven profile {@code bench} runs only them), each writing one
 * section of {@code target/bench/report.md} with {@link org.tweetflow.bench.BenchReport#section}. Sections are
 * ordered by name ({@code 01-timeline-calls}, {@code 02-merge-heap}, ...). A missed target is reported, not
 * asserted; a benchmark fails only when it cannot measure.
 */
package org.tweetflow.bench;
