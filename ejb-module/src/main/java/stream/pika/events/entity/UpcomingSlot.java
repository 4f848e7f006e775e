package stream.pika.events.entity;

import java.time.Instant;

/** A slot as a stage's followers see it coming: what, when, and the DJ once the booking is accepted (omitted otherwise). */
public record UpcomingSlot(long slotId, String title, String kind, Instant startsAt, Instant endsAt, String djName) {
}
