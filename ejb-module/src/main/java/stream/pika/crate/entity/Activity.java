package stream.pika.crate.entity;

import java.time.Instant;
import java.util.List;

/** A user's points and badges, with the latest actions that earned them. */
public record Activity(long points, List<String> badges, List<Entry> recent) {

    public record Entry(String action, int points, Instant at) {
    }
}
