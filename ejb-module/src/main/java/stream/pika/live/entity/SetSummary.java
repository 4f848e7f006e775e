package stream.pika.live.entity;

import java.time.Instant;

/** One of a DJ's sets in the Career Hub: when, where (the event and stage, when on one), tracks and likes. */
public record SetSummary(String sessionId, String djName, Instant startedAt, Instant endedAt, long tracks, long likes,
                         String eventName, String stageName) {

    public boolean onAir() {
        return endedAt == null;
    }
}
