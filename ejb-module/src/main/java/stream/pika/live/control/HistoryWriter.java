package stream.pika.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.live.entity.SessionEvent;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.control.OrderedWrites;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A live session's own history (its row, plays, analysis, events), queued in the session's order
 * with everything else written about it ({@link OrderedWrites}), never on the live path.
 */
@ApplicationScoped
public class HistoryWriter {

    /** The last track written per session: a repeat of it is not a new play (as the original). */
    private final Map<String, String> lastTrackKey = new ConcurrentHashMap<>();

    @Inject
    OrderedWrites writes;

    @Inject
    SessionArchive archive;

    public void openSession(String sessionId, Long djId, String djName, Instant startedAt, Long stageId) {
        writes.submit(sessionId, "open session", () -> archive.open(sessionId, djId, djName, startedAt, stageId));
    }

    /** Records a play unless it repeats the last track written for the session. */
    public void recordTrack(String sessionId, TrackInfo track, Instant playedAt) {
        String key = track.artist() + ':' + track.title();
        if (key.equals(lastTrackKey.put(sessionId, key))) {
            return;
        }
        writes.submit(sessionId, "record track", () -> archive.recordTrack(sessionId, track, playedAt));
    }

    public void updateAnalysis(String sessionId, TrackInfo track) {
        writes.submit(sessionId, "update analysis", () -> archive.updateAnalysis(sessionId, track));
    }

    public void closeSession(String sessionId, Instant endedAt) {
        lastTrackKey.remove(sessionId);
        writes.submit(sessionId, "close session", () -> archive.close(sessionId, endedAt));
    }

    public void recordEvent(String sessionId, SessionEvent.Type type, Instant at, String metadataJson) {
        writes.submit(sessionId, "record " + type.stored(), () -> archive.recordEvent(sessionId, type, at, metadataJson));
    }
}
