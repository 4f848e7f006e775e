package stream.pika.crate.entity;

import java.time.Instant;

/**
 * A run of the track-matching job as an admin sees it: the batch runtime's status (STARTING,
 * STARTED, COMPLETED, FAILED, …), when, how many plays it read and decided, and how many plays
 * are still undecided (the progress of a long run).
 */
public record MatchingRun(long executionId, String status, Instant startedAt, Instant endedAt, long read, long decided, long undecided) {
}
