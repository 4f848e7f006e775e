package stream.pika.events.entity;

import java.time.Instant;

/** An event as the API shows it (absent fields omitted). */
public record EventView(long id, long organizerId, String name, String description, Instant startsAt, Instant endsAt,
                        String timeZone, String status, int version) {
}
