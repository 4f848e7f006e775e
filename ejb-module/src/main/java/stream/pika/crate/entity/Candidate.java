package stream.pika.crate.entity;

/** A catalog record the trigram index offered for a played track. */
public record Candidate(long globalTrackId, String title, String artist, Integer durationMs, Double bpm) {
}
