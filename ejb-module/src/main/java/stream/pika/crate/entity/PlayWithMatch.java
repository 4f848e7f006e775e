package stream.pika.crate.entity;

import java.time.Instant;

/** One play of a set with its match (omitted while the matcher has not decided it). */
public record PlayWithMatch(long playedTrackId, String artist, String title, Instant playedAt, MatchView match) {
}
