package stream.pika.crate.entity;

import java.time.Instant;

/**
 * The track-matching job's runs at a glance: the last one (when it started, how it ended, or
 * {@code running}), the runs and failures of the last 24 hours, and when the schedule runs it
 * next on this node. No run yet: {@code lastStartedAt} and {@code lastStatus} are null.
 */
public record MatchingOverview(Instant lastStartedAt, String lastStatus, int runs24h, int failures24h, Instant nextRunAt) {
}
