package stream.pika.interactions.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.control.InteractionArchive;
import stream.pika.interactions.control.InteractionSettings;
import stream.pika.interactions.control.InteractionStore;
import stream.pika.interactions.control.PollIds;
import stream.pika.interactions.control.TempoFeedbackPacer;
import stream.pika.interactions.entity.Announcement;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.interactions.entity.PollRules;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.boundary.SessionCompanion;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveMessages;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.boundary.RateLimits;
import stream.pika.platform.control.OrderedWrites;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Quota;
import stream.pika.platform.entity.RateLimitExceeded;
import stream.pika.platform.entity.Topic;
import stream.pika.push.boundary.PushNotifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What dancers and the DJ do in a live session: likes, tempo votes, thank-you reactions, polls
 * and announcements. Everything is scoped to one session: news goes to that session's topic only
 * (never back to the sender, as the original), state lives in the {@link InteractionStore}, rows
 * go through the session's ordered history queue, never on this thread (a new poll waits for its
 * row id, which is its wire id).
 */
@ApplicationScoped
public class Interactions implements SessionCompanion {

    static final String NOT_FOUND = "Session not found";
    private static final long TIMER_SLACK_MILLIS = 20;
    private static final Logger LOG = Logger.getLogger(Interactions.class.getName());

    /** A like whose track has no play written yet. */
    private record PendingLike(String clientId, String artist, String title, Instant at) {
    }

    static final String TOO_MANY_FROM_ADDRESS = "Rate limit exceeded: too many likes from this network, try again in a minute";

    @Inject
    LiveSessions sessions;

    @Inject
    InteractionStore store;

    @Inject
    InteractionArchive archive;

    @Inject
    OrderedWrites history;

    @Inject
    TopicBus bus;

    @Inject
    RateLimits rateLimits;

    @Inject
    InteractionSettings settings;

    @Inject
    PushNotifications pushNotifications;

    @Inject
    TempoFeedbackPacer tempoFeedback;

    @Inject
    PollIds pollIds;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Set<PendingLike>> pendingLikes = new ConcurrentHashMap<>();

    // ---- likes

    /** SEND_LIKE: one like per dancer and track (normalized artist and title), 10 per minute. */
    public Outcome like(Caller caller, String sessionId, TrackInfo track) {
        Optional<String> session = likedSession(caller, sessionId);
        if (session.isEmpty()) {
            return Outcome.refused("No active session found");
        }
        if (caller.clientId() == null) {
            return Outcome.refused("Client ID required for likes");
        }
        if (exceeded(Quota.LIKES, caller.clientId())) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.LIKES).limit() + "/min)");
        }
        Optional<String> overBudget = likeBudgetRefusal(caller, 1);
        if (overBudget.isPresent()) {
            return Outcome.refused(overBudget.get());
        }
        if (!store.like(session.get(), caller.clientId(), trackKey(track))) {
            return Outcome.refused("Already liked this track");
        }
        recordLike(session.get(), caller.clientId(), track, now());
        bus.publish(Topic.session(session.get()), new InteractionMessages.LikeReceived(track), caller.connectionId());
        return Outcome.done();
    }

    /**
     * SEND_BULK_LIKE: the web's offline queue, flushed after a reconnect (at most 100 tracks a
     * frame). The frames have their own quota, and every track counts against the dancer's and
     * the address's like budgets, so a loop of bulk frames cannot flood the DJ's screen.
     */
    public Outcome bulkLike(Caller caller, String sessionId, List<TrackInfo> tracks) {
        Optional<String> session = likedSession(caller, sessionId);
        if (session.isEmpty() || caller.clientId() == null) {
            return Outcome.refused("Session or Client ID missing");
        }
        if (exceeded(Quota.BULK_LIKES, caller.clientId())) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.BULK_LIKES).limit() + " bulk likes/min)");
        }
        Optional<String> overBudget = likeBudgetRefusal(caller, tracks.size());
        if (overBudget.isPresent()) {
            return Outcome.refused(overBudget.get());
        }
        Instant now = now();
        Topic topic = Topic.session(session.get());
        for (TrackInfo track : tracks) {
            if (store.like(session.get(), caller.clientId(), trackKey(track))) {
                recordLike(session.get(), caller.clientId(), track, now);
                bus.publish(topic, new InteractionMessages.LikeReceived(track), caller.connectionId());
            }
        }
        return Outcome.done();
    }

    /** REMOVE_LIKE: takes the like back (no broadcast, as the original). */
    public Outcome removeLike(Caller caller, String sessionId, TrackInfo track) {
        Optional<String> session = likedSession(caller, sessionId);
        if (session.isEmpty() || caller.clientId() == null) {
            return Outcome.refused("Session or Client ID missing");
        }
        if (store.unlike(session.get(), caller.clientId(), trackKey(track))) {
            Set<PendingLike> pending = pendingLikes.get(session.get());
            boolean wasPending = pending != null && pending.removeIf(p -> p.clientId().equals(caller.clientId())
                    && p.artist().equals(track.artist()) && p.title().equals(track.title()));
            if (!wasPending) {
                history.submit(session.get(), "remove like",
                        () -> archive.removeLike(session.get(), caller.clientId(), track.artist(), track.title()));
            }
        }
        return Outcome.done();
    }

    // ---- tempo

    /** SEND_TEMPO_REQUEST: one vote per dancer for five minutes; {@code clear} takes it back. */
    public Outcome tempo(Caller caller, String sessionId, String preference) {
        if (caller.clientId() == null) {
            return Outcome.refused("Client ID required for tempo requests");
        }
        if (sessions.live(sessionId).isEmpty()) {
            return Outcome.refused(NOT_FOUND);
        }
        if (exceeded(Quota.TEMPO, caller.clientId())) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.TEMPO).limit() + " tempo votes/min)");
        }
        TempoCounts counts = store.voteTempo(sessionId, caller.clientId(), TempoPreference.fromWire(preference), now(),
                settings.tempoVoteLife());
        tempoFeedback.voted(sessionId, counts, caller.connectionId());
        return Outcome.done();
    }

    // ---- reactions

    /** SEND_REACTION: a thank-you for the DJ, rate-limited per dancer so a script cannot flood the room. */
    public Outcome react(Caller caller, String sessionId, String reaction) {
        if (sessions.live(sessionId).isEmpty()) {
            return Outcome.refused(NOT_FOUND);
        }
        String who = caller.clientId() != null ? caller.clientId() : caller.connectionId();
        if (exceeded(Quota.REACTIONS, who)) {
            return Outcome.refused("Rate limit exceeded (max " + rateLimits.policy(Quota.REACTIONS).limit() + " reactions per "
                    + rateLimits.policy(Quota.REACTIONS).window().toSeconds() + "s)");
        }
        bus.publish(Topic.session(sessionId), new InteractionMessages.ReactionReceived(sessionId, reaction), caller.connectionId());
        return Outcome.done();
    }

    // ---- polls

    /**
     * START_POLL: the poll's id is its database id, reserved ahead ({@link PollIds}), so the DJ's
     * connection never waits for the database; the row follows in the session's order. A running
     * poll of the session ends (POLL_ENDED) before the new one starts. The DJ gets POLL_STARTED
     * too, so the app learns the id at once.
     */
    public Outcome startPoll(Caller caller, String sessionId, String question, List<String> options, Integer durationSeconds) {
        Optional<String> invalid = PollRules.problem(question, options, durationSeconds);
        if (invalid.isPresent()) {
            return Outcome.refused("Invalid poll: " + invalid.get());
        }
        Optional<Outcome> refused = sessions.refusedUnlessOwner(caller, sessionId, "Unauthorized poll attempt");
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Long> reserved = pollIds.take();
        if (reserved.isEmpty()) {
            LOG.warning(() -> "Poll of session " + sessionId + " not started: no poll id reserved (the database has not answered)");
            return Outcome.refused("Failed to create poll in database");
        }
        long pollId = reserved.get();
        Instant now = now();
        Instant endsAt = durationSeconds == null ? null : now.plusSeconds(durationSeconds);
        TrackInfo playing = sessions.live(sessionId).map(LiveSession::currentTrack).orElse(null);
        // Written in the session's order, after its row and before any vote of the poll.
        history.submit(sessionId, "create poll " + pollId, () -> archive.createPoll(pollId, sessionId, question, options,
                playing == null ? null : playing.artist(), playing == null ? null : playing.title(), now, endsAt));
        RunningPoll poll = RunningPoll.open(pollId, sessionId, question, options, now, endsAt);
        store.startPoll(poll).ifPresent(previous -> closed(previous, InteractionMessages.PollEnded.of(previous), null, now));
        InteractionMessages.PollStarted started = new InteractionMessages.PollStarted(poll);
        bus.publish(Topic.session(sessionId), started, caller.connectionId());
        if (endsAt != null) {
            at(endsAt, () -> autoClose(pollId));
        }
        LOG.info(() -> "Poll " + pollId + " started in session " + sessionId);
        return Outcome.done(started);
    }

    /** END_POLL: the poll closes with its results. */
    public Outcome endPoll(Caller caller, long pollId) {
        Optional<RunningPoll> poll = store.poll(pollId);
        if (poll.isEmpty()) {
            return Outcome.refused("Poll not found");
        }
        Optional<Outcome> refused = sessions.refusedUnlessOwner(caller, poll.get().sessionId(), "Unauthorized end poll");
        if (refused.isPresent()) {
            return refused.get();
        }
        store.endPoll(pollId).ifPresent(ended -> closed(ended, InteractionMessages.PollEnded.of(ended), caller.connectionId(), now()));
        return Outcome.done();
    }

    /**
     * CANCEL_POLL: the poll closes without results. Without a {@code pollId} (the desktop sends
     * that when it does not know the id yet) the session's running poll is cancelled.
     */
    public Outcome cancelPoll(Caller caller, Long pollId, String sessionId) {
        Optional<RunningPoll> poll = pollId != null ? store.poll(pollId)
                : sessionId != null ? store.runningPoll(sessionId) : Optional.empty();
        if (poll.isEmpty()) {
            return Outcome.refused("Poll not found");
        }
        Optional<Outcome> refused = sessions.refusedUnlessOwner(caller, poll.get().sessionId(), "Unauthorized cancel poll");
        if (refused.isPresent()) {
            return refused.get();
        }
        store.endPoll(poll.get().id())
                .ifPresent(ended -> closed(ended, InteractionMessages.PollEnded.cancelled(ended), caller.connectionId(), now()));
        return Outcome.done();
    }

    /**
     * VOTE_ON_POLL: one vote per dancer, only from a dancer following the poll's session, only
     * while the poll runs. A vote that does not count gets VOTE_REJECTED with the counts as they
     * stand (the web never sends a messageId, so a NACK alone would be lost on it).
     */
    public Outcome vote(Caller caller, long pollId, int optionIndex) {
        if (caller.clientId() == null) {
            return Outcome.refused("Client ID required to vote");
        }
        Optional<RunningPoll> known = store.poll(pollId);
        if (known.isPresent() && !known.get().sessionId().equals(sessions.followedBy(caller.connectionId()).orElse(null))) {
            return rejected(known.get(), "Poll belongs to another session");
        }
        Instant now = now();
        InteractionStore.VoteResult result = store.vote(pollId, caller.clientId(), optionIndex, now);
        return switch (result.kind()) {
            case NO_SUCH_POLL -> Outcome.refused("Poll not found or already ended");
            case POLL_OVER -> rejected(result.poll().orElseThrow(), "Poll has ended");
            case NO_SUCH_OPTION -> Outcome.refused("Invalid option index");
            case ALREADY_VOTED -> Outcome.done();
            case COUNTED -> {
                RunningPoll poll = result.poll().orElseThrow();
                history.submit(poll.sessionId(), "record poll vote",
                        () -> archive.recordPollVote(pollId, caller.clientId(), optionIndex, now));
                bus.publish(Topic.session(poll.sessionId()), new InteractionMessages.PollUpdate(poll), caller.connectionId());
                yield Outcome.done();
            }
        };
    }

    // ---- announcements

    /** SEND_ANNOUNCEMENT: shown to the session's dancers until {@code endsAt} (the server enforces it). */
    public Outcome announce(Caller caller, String sessionId, String message, Integer durationSeconds, boolean push) {
        Optional<String> invalid = PollRules.announcementProblem(message, durationSeconds);
        if (invalid.isPresent()) {
            return Outcome.refused("Invalid announcement: " + invalid.get());
        }
        Optional<Outcome> refused = sessions.refusedUnlessOwner(caller, sessionId, "Unauthorized announcement");
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<LiveSession> live = sessions.live(sessionId);
        if (push && live.isPresent()) {
            try {
                pushNotifications.admit(PushNotifications.senderKey(live.get()));
            } catch (RateLimitExceeded e) {
                return Outcome.refused("Rate limit exceeded: too many push notifications, try again in a minute");
            }
        }
        Instant now = now();
        Announcement announcement = new Announcement(message, now, durationSeconds == null ? null : now.plusSeconds(durationSeconds), push);
        store.announce(sessionId, announcement);
        String djName = live.map(LiveSession::djName).orElse("DJ");
        bus.publish(Topic.session(sessionId), new InteractionMessages.AnnouncementReceived(sessionId, djName, announcement),
                caller.connectionId());
        if (push) {
            pushNotifications.announce(sessionId, djName, message);
        }
        if (announcement.endsAt() != null) {
            at(announcement.endsAt(), () -> expireAnnouncement(sessionId));
        }
        return Outcome.done();
    }

    /** CANCEL_ANNOUNCEMENT: the announcement disappears from every phone of the session. */
    public Outcome cancelAnnouncement(Caller caller, String sessionId) {
        Optional<Outcome> refused = sessions.refusedUnlessOwner(caller, sessionId, "Unauthorized cancel announcement");
        if (refused.isPresent()) {
            return refused.get();
        }
        store.cancelAnnouncement(sessionId);
        bus.publish(Topic.session(sessionId), new InteractionMessages.AnnouncementCancelled(sessionId), caller.connectionId());
        return Outcome.done();
    }

    // ---- the session's life

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

    /** On a new track the tempo votes of the previous one are kept as its row, then start over. */
    @Override
    public void trackPlayed(String sessionId, TrackInfo previous, TrackInfo track, Instant now) {
        if (previous != null && !previous.sameTrackAs(track)) {
            recordTempo(sessionId, previous, store.resetTempo(sessionId, now, settings.tempoVoteLife()), now);
        }
        Set<PendingLike> pending = pendingLikes.get(sessionId);
        if (pending != null) {
            List<PendingLike> playable = new ArrayList<>();
            pending.removeIf(p -> p.artist().equals(track.artist()) && p.title().equals(track.title()) && playable.add(p));
            playable.forEach(p -> writeLike(sessionId, p));
        }
    }

    @Override
    public void sweep(Instant now) {
        // Timers live on the node that set them: if it died, the next sweep on any node ends the
        // poll or takes the announcement down (each at most once: the store decides atomically).
        for (RunningPoll poll : store.runningPolls()) {
            if (poll.over(now)) {
                autoClose(poll.id());
            }
        }
        store.announcingSessions().forEach(this::expireAnnouncement);
    }

    @Override
    public Map<String, LiveMessages.ActiveAnnouncement> activeAnnouncements(Instant now) {
        Map<String, LiveMessages.ActiveAnnouncement> shown = new HashMap<>();
        for (String sessionId : store.announcingSessions()) {
            store.announcement(sessionId).filter(a -> !a.over(now)).ifPresent(a ->
                    shown.put(sessionId, new LiveMessages.ActiveAnnouncement(a.message(), a.timestamp(), a.endsAt())));
        }
        return shown;
    }

    @Override
    public void sessionFinished(String sessionId, TrackInfo lastTrack, Instant now) {
        tempoFeedback.forget(sessionId);
        TempoCounts last = store.resetTempo(sessionId, now, settings.tempoVoteLife());
        if (lastTrack != null) {
            recordTempo(sessionId, lastTrack, last, now);
        }
        store.forget(sessionId).ifPresent(poll -> history.submit(sessionId, "close poll", () -> archive.closePoll(poll.id(), now)));
        Set<PendingLike> unlinked = pendingLikes.remove(sessionId);
        if (unlinked != null && !unlinked.isEmpty()) {
            LOG.warning(() -> unlinked.size() + " like(s) of session " + sessionId + " name tracks never played in it; not stored");
        }
    }

    // ---- helpers

    /** The session a like is for: the one named, else (the original's fallback) the one the dancer follows. Must be live. */
    private Optional<String> likedSession(Caller caller, String sessionId) {
        String target = sessionId != null ? sessionId : sessions.followedBy(caller.connectionId()).orElse(null);
        return target == null ? Optional.empty() : sessions.live(target).map(LiveSession::sessionId);
    }

    private void recordLike(String sessionId, String clientId, TrackInfo track, Instant at) {
        writeLike(sessionId, new PendingLike(clientId, track.artist(), track.title(), at));
    }

    private void writeLike(String sessionId, PendingLike like) {
        history.submit(sessionId, "record like", () -> {
            if (!archive.recordLike(sessionId, like.clientId(), like.artist(), like.title(), like.at())) {
                Set<PendingLike> pending = pendingLikes.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet());
                if (pending.size() < settings.maxPendingLikes()) {
                    pending.add(like); // linked when the track is played
                } else {
                    LOG.warning(() -> "Session " + sessionId + " has " + settings.maxPendingLikes()
                            + " likes of unplayed tracks; dropped one of " + like.artist() + " - " + like.title());
                }
            }
        });
    }

    private void recordTempo(String sessionId, TrackInfo track, TempoCounts counts, Instant now) {
        if (counts.total() > 0) {
            history.submit(sessionId, "record tempo votes",
                    () -> archive.recordTempo(sessionId, track.artist(), track.title(), counts, now));
        }
    }

    /** A poll that stopped running: its dancers hear it, its row is closed. */
    private void closed(RunningPoll poll, InteractionMessages.PollEnded message, String excludedConnectionId, Instant now) {
        bus.publish(Topic.session(poll.sessionId()), message, excludedConnectionId);
        history.submit(poll.sessionId(), "close poll", () -> archive.closePoll(poll.id(), now));
        LOG.info(() -> "Poll " + poll.id() + " of session " + poll.sessionId() + " ended with " + poll.totalVotes() + " vote(s)");
    }

    /** Runs the task just after the instant (a timer may fire a hair early; the tasks check the time themselves). */
    private void at(Instant when, Runnable task) {
        scheduler.schedule(task, Duration.between(clock.instant(), when).toMillis() + TIMER_SLACK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void autoClose(long pollId) {
        try {
            store.poll(pollId).filter(p -> p.over(clock.instant())).flatMap(p -> store.endPoll(pollId))
                    .ifPresent(poll -> closed(poll, InteractionMessages.PollEnded.of(poll), null, now()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Closing poll " + pollId + " failed", e);
        }
    }

    private void expireAnnouncement(String sessionId) {
        try {
            store.expireAnnouncement(sessionId, clock.instant()).ifPresent(a ->
                    bus.publish(Topic.session(sessionId), new InteractionMessages.AnnouncementCancelled(sessionId), null));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Expiring the announcement of session " + sessionId + " failed", e);
        }
    }

    private Outcome rejected(RunningPoll poll, String reason) {
        Outcome reply = Outcome.done(new InteractionMessages.VoteRejected(poll.id(), reason, poll.votes(), poll.totalVotes()));
        return new Outcome(reply.replies(), reason, true, null);
    }

    /**
     * What one dancer, and one address, may deliver to the DJ per window, single and bulk likes
     * together (new client ids do not buy new likes: the address has a budget of its own).
     */
    private Optional<String> likeBudgetRefusal(Caller caller, int likes) {
        if (exceeded(Quota.LIKES_DELIVERED, caller.clientId(), likes)) {
            return Optional.of("Rate limit exceeded (max " + rateLimits.policy(Quota.LIKES_DELIVERED).limit() + " likes/min)");
        }
        if (caller.address() != null && exceeded(Quota.LIKES_PER_ADDRESS, caller.address(), likes)) {
            return Optional.of(TOO_MANY_FROM_ADDRESS);
        }
        return Optional.empty();
    }

    private boolean exceeded(Quota quota, String key) {
        return exceeded(quota, key, 1);
    }

    private boolean exceeded(Quota quota, String key, int permits) {
        try {
            rateLimits.enforce(quota, key, permits);
            return false;
        } catch (RateLimitExceeded e) {
            return true;
        }
    }

    /** The original's like key: lower case, trimmed, inner whitespace collapsed, {@code artist::title}. */
    static String trackKey(TrackInfo track) {
        return normalized(track.artist()) + "::" + normalized(track.title());
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
