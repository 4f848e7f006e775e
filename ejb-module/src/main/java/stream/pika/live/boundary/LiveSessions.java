package stream.pika.live.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.live.control.LiveSettings;
import stream.pika.live.control.LiveStateStore;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.SessionViews;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.RateLimitExceeded;
import stream.pika.platform.entity.RenderedMessage;
import stream.pika.platform.entity.WireFormat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live sessions as everyone else sees them: the lists (GET_SESSIONS, {@code GET /api/sessions}),
 * whether a set is live, which sets a DJ account holds, how many are live. Reads only: what the
 * DJ does is {@link DjBooth}, who listens is {@link Audience}, how sets end is {@link SessionSweeper}.
 */
@ApplicationScoped
public class LiveSessions {

    private record FullList(List<LiveMessages.SessionSummary> sessions, RenderedMessage message) {
    }

    @Inject
    LiveStateStore store;

    @Inject
    LiveSettings settings;

    @Inject
    RateLimits rateLimits;

    @Inject
    Clock clock;

    @Inject
    SessionCompanions companions;

    @Inject
    Audience audience;

    /** The full list as last rendered: rendered again only when a session or an announcement changed. */
    private volatile FullList fullList = new FullList(List.of(), null);

    /** GET_SESSIONS: every live session in full (never acknowledged, as the original). */
    public Outcome sessionsList(Caller caller) {
        try {
            rateLimits.enforce(Quota.SESSIONS_LIST, caller.connectionId());
        } catch (RateLimitExceeded e) {
            return Outcome.refused("Rate limit exceeded (max " + e.decision().limit() + " session lists/min)");
        }
        List<LiveMessages.SessionSummary> summaries = summaries();
        FullList last = fullList;
        if (last.message() == null || !last.sessions().equals(summaries)) {
            last = new FullList(summaries, new RenderedMessage(WireFormat.toJson(new LiveMessages.SessionsList(summaries))));
            fullList = last;
        }
        return Outcome.unacknowledged(last.message());
    }

    /** VALIDATE_SESSION: is the set still live (a DJ in its reconnect grace counts as live)? */
    public Outcome validate(String sessionId) {
        return Outcome.done(new LiveMessages.SessionValid(sessionId, store.session(sessionId).isPresent()));
    }

    /** Every live session, as {@code GET /api/sessions} and GET_SESSIONS show them. */
    public List<LiveMessages.SessionSummary> summaries() {
        Instant now = now();
        Map<String, LiveMessages.ActiveAnnouncement> announcements = new HashMap<>();
        companions.each(c -> announcements.putAll(c.activeAnnouncements(now)));
        return store.sessions().stream()
                .map(s -> LiveMessages.SessionSummary.of(s, announcements.get(s.sessionId())))
                .toList();
    }

    /** {@code GET /api/sessions/active}: the live sets with their listener counts. */
    public SessionViews.ActiveSessions active() {
        Instant now = now();
        return SessionViews.ActiveSessions.of(store.sessions().stream().map(s -> {
            int listeners = audience.listeners(s, now);
            TrackInfo track = s.currentTrack();
            return new SessionViews.ActiveSession(s.sessionId(), s.djName(), s.startedAt(),
                    track == null ? null : new SessionViews.ActiveTrack(track.title(), track.artist(), track.bpm()),
                    listeners, Math.min(1.0, listeners * 0.05));
        }).toList());
    }

    public int liveCount() {
        return store.sessionCount();
    }

    /** The live session, if it is live (a DJ in the reconnect grace counts). */
    public Optional<LiveSession> live(String sessionId) {
        return store.session(sessionId);
    }

    /** The live sessions this DJ account registered (usually one). */
    public List<LiveSession> liveSetsOf(long djId) {
        return store.sessions().stream().filter(s -> Long.valueOf(djId).equals(s.djId())).toList();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
