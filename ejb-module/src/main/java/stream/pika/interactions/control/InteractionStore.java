package stream.pika.interactions.control;

import stream.pika.interactions.entity.Announcement;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * All interaction state of live sessions: like dedupe, tempo votes, running polls and their
 * votes, announcements. Every operation two connections may race on (two votes, two likes) is one
 * atomic call, so a Redis implementation keeps the same guarantees.
 */
public interface InteractionStore {

    /** What became of a poll vote. */
    enum VoteKind { COUNTED, ALREADY_VOTED, NO_SUCH_POLL, POLL_OVER, NO_SUCH_OPTION }

    /** {@code poll} is the poll after the vote (empty when there is no such poll). */
    record VoteResult(VoteKind kind, Optional<RunningPoll> poll) {
    }

    /** True when the dancer had not liked this track (normalized key) in the session yet. */
    boolean like(String sessionId, String clientId, String trackKey);

    /** True when the dancer had liked it. */
    boolean unlike(String sessionId, String clientId, String trackKey);

    /** Records (or with an empty preference, removes) the dancer's vote; returns the tally of live votes. */
    TempoCounts voteTempo(String sessionId, String clientId, Optional<TempoPreference> preference, Instant now, Duration life);

    TempoCounts tempo(String sessionId, Instant now, Duration life);

    /** Clears the session's votes and returns the tally they made. */
    TempoCounts resetTempo(String sessionId, Instant now, Duration life);

    /** Makes the poll the session's running one; returns the one it replaces (no longer votable). */
    Optional<RunningPoll> startPoll(RunningPoll poll);

    Optional<RunningPoll> poll(long pollId);

    Optional<RunningPoll> runningPoll(String sessionId);

    /** What a dancer joining the session is shown: the running poll and the announcement. */
    record LateJoinerState(Optional<RunningPoll> poll, Optional<Announcement> announcement) {
    }

    /**
     * The running poll (its counts, and among the voters this dancer only, or nobody for a null
     * client) and the announcement, in one step where the store can.
     */
    default LateJoinerState lateJoinerState(String sessionId, String clientId) {
        return new LateJoinerState(runningPoll(sessionId), announcement(sessionId));
    }

    Collection<RunningPoll> runningPolls();

    VoteResult vote(long pollId, String clientId, int optionIndex, Instant now);

    /** Ends the poll (no more votes); empty when it was not running. */
    Optional<RunningPoll> endPoll(long pollId);

    void announce(String sessionId, Announcement announcement);

    Optional<Announcement> announcement(String sessionId);

    /** Removes the announcement; empty when there was none. */
    Optional<Announcement> cancelAnnouncement(String sessionId);

    /** Removes the announcement only if its time is over; empty otherwise. */
    Optional<Announcement> expireAnnouncement(String sessionId, Instant now);

    /** Sessions that have an announcement. */
    Collection<String> announcingSessions();

    /** Forgets everything of a finished session; returns its running poll, if any, to be closed. */
    Optional<RunningPoll> forget(String sessionId);
}
