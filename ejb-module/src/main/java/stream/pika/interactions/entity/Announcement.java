package stream.pika.interactions.entity;

import java.time.Instant;

/**
 * The DJ's message to the room, shown until {@code endsAt} (null: until cancelled).
 *
 * @param push whether the DJ asked for a Web Push too (sent by the push capability)
 */
public record Announcement(String message, Instant timestamp, Instant endsAt, boolean push) {

    public boolean over(Instant now) {
        return endsAt != null && !now.isBefore(endsAt);
    }
}
