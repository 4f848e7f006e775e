package stream.pika.events.entity;

import java.time.Instant;

/**
 * A star whose reminder is due, claimed by this node: who to remind (the account's phones, or the
 * one phone of an anonymous star) and what of the slot to tell them.
 */
public record DueReminder(long starId, long slotId, Long userId, String pushEndpoint, long eventId, String eventName, String timeZone,
                          String stageName, String slotTitle, String djName, Instant startsAt) {
}
