package stream.pika.live.control;

import stream.pika.live.entity.SessionEvent;
import stream.pika.live.entity.TrackInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The live controls a boundary test needs, without a container or a database. */
public final class LiveFixtures {

    private LiveFixtures() {
    }

    /** The shipped defaults, with anonymous DJs allowed (no accounts here). */
    public static LiveSettings settings() {
        LiveSettings s = new LiveSettings();
        s.allowAnonymousDjs = true;
        s.maxSessions = 1000;
        s.maxSessionsPerDj = 3;
        s.maxSessionsPerConnection = 3;
        s.reconnectGrace = Duration.ofSeconds(60);
        s.expiryIdle = Duration.ofHours(4);
        s.expiryIdleMinAge = Duration.ofHours(8);
        s.expiryMaxAge = Duration.ofHours(24);
        s.listenerLinger = Duration.ofMinutes(5);
        s.listenerCountInterval = Duration.ofSeconds(2);
        s.sweepInterval = Duration.ofSeconds(5);
        s.broadcastMinInterval = Duration.ofSeconds(5);
        s.messageIdTtl = Duration.ofMinutes(5);
        return s;
    }

    public static LiveSettings settings(boolean allowAnonymousDjs, int maxSessionsPerConnection) {
        LiveSettings s = settings();
        s.allowAnonymousDjs = allowAnonymousDjs;
        s.maxSessionsPerConnection = maxSessionsPerConnection;
        return s;
    }

    /** The history a rule asked for, as lines such as {@code "close s1"}, kept instead of written. */
    public static final class RecordedHistory extends HistoryWriter {

        public final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void openSession(String sessionId, Long djId, String djName, Instant startedAt, Long stageId) {
            lines.add("open " + sessionId);
        }

        @Override
        public void recordTrack(String sessionId, TrackInfo track, Instant playedAt) {
            lines.add("track " + sessionId + " " + track.title());
        }

        @Override
        public void updateAnalysis(String sessionId, TrackInfo track) {
            lines.add("analysis " + sessionId);
        }

        @Override
        public void closeSession(String sessionId, Instant endedAt) {
            lines.add("close " + sessionId);
        }

        @Override
        public void recordEvent(String sessionId, SessionEvent.Type type, Instant at, String metadataJson) {
            lines.add("event " + sessionId + " " + type + " " + metadataJson);
        }
    }

    /** A history with no stored sessions: every session id is free. */
    public static final class EmptyArchive extends SessionArchive {
        @Override
        public Optional<StoredOwner> ownerOf(String sessionId) {
            return Optional.empty();
        }
    }
}
