package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.control.InteractionStore;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.live.boundary.SessionCompanion;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.TrackInfo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The interactions' part in a live session's life, in one companion so their order is fixed: a
 * late joiner gets the running poll before the announcement (one store read for both), a new
 * track first closes the previous track's tempo tally then links the likes that waited for it,
 * and a finished set keeps its last tally before its state is forgotten.
 */
@ApplicationScoped
public class InteractionsCompanion implements SessionCompanion {

    @Inject
    InteractionStore store;

    @Inject
    Likes likes;

    @Inject
    TempoVotes tempo;

    @Inject
    Polls polls;

    @Inject
    Announcements announcements;

    @Override
    public List<Object> lateJoiner(LiveSession session, String clientId, Instant now) {
        List<Object> messages = new ArrayList<>();
        InteractionStore.LateJoinerState state = store.lateJoinerState(session.sessionId(), clientId);
        state.poll().filter(p -> !p.over(now))
                .ifPresent(p -> messages.add(new InteractionMessages.PollInProgress(p, clientId)));
        state.announcement().filter(a -> !a.over(now))
                .ifPresent(a -> messages.add(new InteractionMessages.AnnouncementReceived(session.sessionId(), session.djName(), a)));
        return messages;
    }

    @Override
    public void trackPlayed(String sessionId, TrackInfo previous, TrackInfo track, Instant now) {
        tempo.trackPlayed(sessionId, previous, track, now);
        likes.trackPlayed(sessionId, track);
    }

    @Override
    public void sweep(Instant now) {
        polls.sweep(now);
        announcements.sweep();
    }

    @Override
    public Map<String, LiveMessages.ActiveAnnouncement> activeAnnouncements(Instant now) {
        return announcements.active(now);
    }

    @Override
    public void sessionFinished(String sessionId, TrackInfo lastTrack, Instant now) {
        tempo.sessionFinished(sessionId, lastTrack, now);
        store.forget(sessionId).ifPresent(poll -> polls.sessionFinished(poll, now));
        likes.sessionFinished(sessionId);
    }
}
