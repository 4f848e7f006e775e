package stream.pika.crate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.live.boundary.SessionCompanion;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.TrackInfo;

import java.time.Instant;
import java.util.List;

/** Smart Crate's part in a set's life: when it ends, its plays are matched soon after. */
@ApplicationScoped
public class MatchingCompanion implements SessionCompanion {

    @Inject
    MatchingSchedule schedule;

    @Override
    public List<Object> lateJoiner(LiveSession session, String clientId, Instant now) {
        return List.of();
    }

    @Override
    public void trackPlayed(String sessionId, TrackInfo previous, TrackInfo track, Instant now) {
        // matched after the set: nothing to do while it plays
    }

    @Override
    public void sessionFinished(String sessionId, TrackInfo lastTrack, Instant now) {
        schedule.sessionEnded();
    }
}
