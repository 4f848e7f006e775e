package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.control.InteractionArchive;
import stream.pika.interactions.control.InteractionSettings;
import stream.pika.interactions.control.InteractionStore;
import stream.pika.interactions.control.TempoFeedbackPacer;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;
import stream.pika.admin.boundary.ShadowBanList;
import stream.pika.live.boundary.DjBooth;
import stream.pika.live.boundary.Audience;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.OrderedWrites;
import stream.pika.platform.entity.Quota;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import java.util.Optional;

/**
 * Dancers' tempo votes (faster, slower, perfect) on the track playing: one live vote per dancer,
 * tallied for the DJ as paced TEMPO_FEEDBACK; when the track changes, its tally becomes its row.
 */
@ApplicationScoped
public class TempoVotes {

    @Inject
    Audience audience;

    @Inject
    InteractionStore store;

    @Inject
    InteractionArchive archive;

    @Inject
    OrderedWrites history;

    @Inject
    RateLimits rateLimits;

    @Inject
    ShadowBanList shadowBans;

    @Inject
    InteractionSettings settings;

    @Inject
    TempoFeedbackPacer tempoFeedback;

    @Inject
    Clock clock;

    /** SEND_TEMPO_REQUEST: one vote per dancer for five minutes; {@code clear} takes it back. */
    public Outcome tempo(Caller caller, String named, String preference) {
        if (caller.clientId() == null) {
            return Outcome.refused("Client ID required for tempo requests");
        }
        Optional<LiveSession> target = audience.interactionTarget(caller, named);
        if (target.isEmpty()) {
            return Outcome.refused(DjBooth.SESSION_NOT_FOUND);
        }
        String sessionId = target.get().sessionId();
        if (!rateLimits.admits(Quota.TEMPO, caller.clientId(), 1)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.TEMPO).limit() + " tempo votes/min)");
        }
        if (shadowBans.mutes(caller.clientId())) {
            return Outcome.done(); // shadow-banned: answered as usual, counted nowhere
        }
        TempoCounts counts = store.voteTempo(sessionId, caller.clientId(), TempoPreference.fromWire(preference),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), settings.tempoVoteLife());
        tempoFeedback.voted(sessionId, counts, caller.connectionId());
        return Outcome.done();
    }

    /** On a new track the tempo votes of the previous one are kept as its row, then start over. */
    void trackPlayed(String sessionId, TrackInfo previous, TrackInfo track, Instant now) {
        if (previous != null && !previous.sameTrackAs(track)) {
            recordTempo(sessionId, previous, store.resetTempo(sessionId, now, settings.tempoVoteLife()), now);
        }
    }

    /** The set is over: the last track's tally is kept (before the session's state is forgotten). */
    void sessionFinished(String sessionId, TrackInfo lastTrack, Instant now) {
        tempoFeedback.forget(sessionId);
        TempoCounts last = store.resetTempo(sessionId, now, settings.tempoVoteLife());
        if (lastTrack != null) {
            recordTempo(sessionId, lastTrack, last, now);
        }
    }

    private void recordTempo(String sessionId, TrackInfo track, TempoCounts counts, Instant now) {
        if (counts.total() > 0) {
            history.submit(sessionId, "record tempo votes",
                    () -> archive.recordTempo(sessionId, track.artist(), track.title(), counts, now));
        }
    }
}
