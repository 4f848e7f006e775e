package stream.pika.live.entity;

import stream.pika.events.entity.UpcomingSlot;

import java.time.Instant;
import java.util.List;

/**
 * The server-to-client messages of live sessions (protocol v0.3.0, contract section 1.5), one
 * record each, with the exact field names. A null component is left out of the JSON.
 */
public final class LiveMessages {

    private LiveMessages() {
    }

    public record SessionRegistered(String type, String sessionId, boolean authenticated, String djName) {
        public SessionRegistered(String sessionId, boolean authenticated, String djName) {
            this("SESSION_REGISTERED", sessionId, authenticated, djName);
        }
    }

    /** {@code stageId} only for a set live on an event's stage (omitted otherwise: v0.3.0 as it was). */
    public record SessionStarted(String type, String sessionId, String djName, Instant startTime, Long stageId) {
        public SessionStarted(String sessionId, String djName, Instant startTime, Long stageId) {
            this("SESSION_STARTED", sessionId, djName, startTime, stageId);
        }

        public SessionStarted(String sessionId, String djName, Instant startTime) {
            this(sessionId, djName, startTime, null);
        }
    }

    /** {@code stageId} only for a set live on an event's stage. */
    public record NowPlaying(String type, String sessionId, String djName, TrackInfo track, Long stageId) {
        public NowPlaying(String sessionId, String djName, TrackInfo track, Long stageId) {
            this("NOW_PLAYING", sessionId, djName, track, stageId);
        }

        public NowPlaying(String sessionId, String djName, TrackInfo track) {
            this(sessionId, djName, track, null);
        }

        public static NowPlaying of(LiveSession session) {
            return new NowPlaying(session.sessionId(), session.djName(), session.currentTrack(), session.stageId());
        }
    }

    /** {@code STAGE_IDLE}: nobody plays on the stage a connection follows; {@code nextSlot} is what the schedule has next. */
    public record StageIdle(String type, long stageId, UpcomingSlot nextSlot) {
        public StageIdle(long stageId, UpcomingSlot nextSlot) {
            this("STAGE_IDLE", stageId, nextSlot);
        }
    }

    public record TempoReset(String type, String sessionId) {
        public TempoReset(String sessionId) {
            this("TEMPO_RESET", sessionId);
        }
    }

    public record MetadataUpdated(String type, String sessionId, TrackInfo track) {
        public MetadataUpdated(String sessionId, TrackInfo track) {
            this("METADATA_UPDATED", sessionId, track);
        }
    }

    public record TrackStopped(String type, String sessionId) {
        public TrackStopped(String sessionId) {
            this("TRACK_STOPPED", sessionId);
        }
    }

    public record SessionEnded(String type, String sessionId) {
        public SessionEnded(String sessionId) {
            this("SESSION_ENDED", sessionId);
        }
    }

    public record SessionExpired(String type, String sessionId, String reason) {
        public static final String REASON = "Session expired due to inactivity or age limit";

        public SessionExpired(String sessionId) {
            this("SESSION_EXPIRED", sessionId, REASON);
        }
    }

    /** An entry of the full list (GET_SESSIONS, {@code GET /api/sessions}). */
    public record SessionSummary(String sessionId, String djName, Instant startedAt, Instant lastActivityAt,
                                 TrackInfo currentTrack, ActiveAnnouncement activeAnnouncement) {
        public static SessionSummary of(LiveSession session, ActiveAnnouncement announcement) {
            return new SessionSummary(session.sessionId(), session.djName(), session.startedAt(),
                    session.lastActivityAt(), session.currentTrack(), announcement);
        }
    }

    /** The announcement a full session object carries while one is shown (omitted otherwise, never null). */
    public record ActiveAnnouncement(String message, Instant timestamp, Instant endsAt) {
    }

    /** An entry of the lean list sent on SUBSCRIBE. */
    public record SessionBrief(String sessionId, String djName, TrackInfo currentTrack) {
        public static SessionBrief of(LiveSession session) {
            return new SessionBrief(session.sessionId(), session.djName(), session.currentTrack());
        }
    }

    public record SessionsList(String type, List<?> sessions) {
        public SessionsList(List<?> sessions) {
            this("SESSIONS_LIST", sessions);
        }
    }

    public record ListenerCount(String type, String sessionId, int count) {
        public ListenerCount(String sessionId, int count) {
            this("LISTENER_COUNT", sessionId, count);
        }
    }

    public record SessionValid(String type, String sessionId, boolean isValid) {
        public SessionValid(String sessionId, boolean isValid) {
            this("SESSION_VALID", sessionId, isValid);
        }
    }

    public record Pong(String type) {
        public Pong() {
            this("PONG");
        }
    }

    public record Ack(String type, String messageId, String status, Instant timestamp) {
        public Ack(String messageId, Instant timestamp) {
            this("ACK", messageId, "ok", timestamp);
        }
    }

    public record Nack(String type, String messageId, String error, Instant timestamp) {
        public Nack(String messageId, String error, Instant timestamp) {
            this("NACK", messageId, error, timestamp);
        }
    }
}
