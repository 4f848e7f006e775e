package stream.pika.interactions.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import stream.pika.interactions.control.EndTimers;
import stream.pika.interactions.control.InteractionArchive;
import stream.pika.interactions.control.InteractionStore;
import stream.pika.interactions.control.PollIds;
import stream.pika.interactions.entity.InteractionMessages;
import stream.pika.interactions.entity.PollRules;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.admin.boundary.ShadowBanList;
import stream.pika.live.boundary.Audience;
import stream.pika.live.boundary.DjBooth;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.live.entity.Caller;
import stream.pika.live.entity.LiveSession;
import stream.pika.live.entity.Outcome;
import stream.pika.live.entity.TrackInfo;
import stream.pika.platform.control.OrderedWrites;
import stream.pika.platform.control.TopicBus;
import stream.pika.platform.entity.Topic;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The DJ's polls: one running per session, votes from the session's dancers (one each, only
 * while it runs), ended by the DJ, by its timer, or by the sweep when the timer was lost.
 */
@ApplicationScoped
public class Polls {

    private static final Logger LOG = Logger.getLogger(Polls.class.getName());

    @Inject
    DjBooth booth;

    @Inject
    ShadowBanList shadowBans;

    @Inject
    LiveSessions sessions;

    @Inject
    Audience audience;

    @Inject
    InteractionStore store;

    @Inject
    InteractionArchive archive;

    @Inject
    OrderedWrites history;

    @Inject
    TopicBus bus;

    @Inject
    PollIds pollIds;

    @Inject
    EndTimers timers;

    @Inject
    Clock clock;

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
        Optional<Outcome> refused = booth.refusedUnlessOwner(caller, sessionId, "Unauthorized poll attempt");
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
            timers.at(endsAt, () -> autoClose(pollId));
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
        Optional<Outcome> refused = booth.refusedUnlessOwner(caller, poll.get().sessionId(), "Unauthorized end poll");
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
        Optional<Outcome> refused = booth.refusedUnlessOwner(caller, poll.get().sessionId(), "Unauthorized cancel poll");
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
        if (known.isPresent() && !known.get().sessionId().equals(audience.followedBy(caller.connectionId()).orElse(null))) {
            return rejected(known.get(), "Poll belongs to another session");
        }
        if (shadowBans.mutes(caller.clientId())) {
            return mutedVote(known, optionIndex);
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

    /** A shadow-banned dancer's vote: answered as a vote would be, counted nowhere. */
    private static Outcome mutedVote(Optional<RunningPoll> poll, int optionIndex) {
        if (poll.isEmpty()) {
            return Outcome.refused("Poll not found or already ended");
        }
        if (optionIndex < 0 || optionIndex >= poll.get().options().size()) {
            return Outcome.refused("Invalid option index");
        }
        return Outcome.done();
    }

    /**
     * Timers live on the node that set them: if it died, the next sweep on any node ends the poll
     * (at most once: the store decides atomically).
     */
    void sweep(Instant now) {
        for (RunningPoll poll : store.runningPolls()) {
            if (poll.over(now)) {
                autoClose(poll.id());
            }
        }
    }

    /** The poll's session ended, and its live state with it: the row is closed. */
    void sessionFinished(RunningPoll poll, Instant now) {
        history.submit(poll.sessionId(), "close poll", () -> archive.closePoll(poll.id(), now));
    }

    /** A poll that stopped running: its dancers hear it, its row is closed. */
    private void closed(RunningPoll poll, InteractionMessages.PollEnded message, String excludedConnectionId, Instant now) {
        bus.publish(Topic.session(poll.sessionId()), message, excludedConnectionId);
        history.submit(poll.sessionId(), "close poll", () -> archive.closePoll(poll.id(), now));
        LOG.info(() -> "Poll " + poll.id() + " of session " + poll.sessionId() + " ended with " + poll.totalVotes() + " vote(s)");
    }

    private void autoClose(long pollId) {
        try {
            store.poll(pollId).filter(p -> p.over(clock.instant())).flatMap(p -> store.endPoll(pollId))
                    .ifPresent(poll -> closed(poll, InteractionMessages.PollEnded.of(poll), null, now()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Closing poll " + pollId + " failed", e);
        }
    }

    private Outcome rejected(RunningPoll poll, String reason) {
        Outcome reply = Outcome.done(new InteractionMessages.VoteRejected(poll.id(), reason, poll.votes(), poll.totalVotes()));
        return new Outcome(reply.replies(), reason, true, null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
