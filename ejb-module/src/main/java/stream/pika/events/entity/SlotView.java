package stream.pika.events.entity;

import java.time.Instant;

/** A schedule slot as the API shows it; {@code happeningNow} as of the answer. */
public record SlotView(long id, long stageId, Instant startsAt, Instant endsAt, String title, String kind, Long djId,
                       String bookingStatus, int version, boolean happeningNow) {
}
