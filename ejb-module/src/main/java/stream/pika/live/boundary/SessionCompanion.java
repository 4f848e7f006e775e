package stream.pika.live.boundary;

import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.TrackInfo;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What another capability adds to a live session's life (interactions: polls, tempo votes,
 * announcements) without the live sessions knowing it. The live boundaries call every companion
 * on the thread of the event, so the companion's messages keep their order with the session's.
 */
public interface SessionCompanion {

    /** Messages a dancer joining the live session gets after its NOW_PLAYING (the running poll, the announcement). */
    List<Object> lateJoiner(LiveSession session, String clientId, Instant now);

    /** A track is playing and its history write is queued; {@code previous} is null when nothing played before. */
    void trackPlayed(String sessionId, TrackInfo previous, TrackInfo track, Instant now);

    /** The session left the live state (ended, never came back, expired); {@code lastTrack} may be null. */
    void sessionFinished(String sessionId, TrackInfo lastTrack, Instant now);

    /**
     * The periodic sweep (every node): ends what is over but whose timer was lost, say with the
     * node that set it. Must be idempotent across nodes.
     */
    default void sweep(Instant now) {
    }

    /** The announcements shown now, by session id, for the full session objects (GET_SESSIONS, {@code GET /api/sessions}). */
    default Map<String, LiveMessages.ActiveAnnouncement> activeAnnouncements(Instant now) {
        return Map.of();
    }
}
