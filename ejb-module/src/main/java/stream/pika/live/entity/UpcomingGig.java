package stream.pika.live.entity;

import java.time.Instant;

/** A booked slot still to come at a public event, for the DJ's profile. */
public record UpcomingGig(long eventId, String eventName, String stageName, Instant startsAt, Instant endsAt, String timeZone) {
}
