package stream.pika.crate.entity;

/** A row of an import that was skipped: its line in the file, and why. */
public record RefusedRow(long line, String reason) {
}
