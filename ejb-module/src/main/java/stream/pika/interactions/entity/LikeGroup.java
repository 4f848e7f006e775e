package stream.pika.interactions.entity;

import java.time.Instant;
import java.util.List;

/**
 * A dancer's likes of one set, newest first, with the set's event when it was played on a
 * stage (eventId and eventName omitted otherwise).
 */
public record LikeGroup(Long eventId, String eventName, String sessionId, String djName, Instant startedAt, List<DancerLike> likes) {
}
