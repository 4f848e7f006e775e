package stream.pika.crate.entity;

/** A played track as the DJ's software reported it (the matcher's input), with what it says of its sound. */
public record PlayedName(long playedTrackId, String artist, String title, Integer bpm) {
}
