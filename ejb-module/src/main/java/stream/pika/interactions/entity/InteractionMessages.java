package stream.pika.interactions.entity;

import stream.pika.live.entity.TrackInfo;

import java.time.Instant;
import java.util.List;

/**
 * The server-to-client messages of dancer interactions (protocol v0.3.0, contract section 1.5),
 * one record each, with the exact field names. A null component is left out of the JSON.
 */
public final class InteractionMessages {

    private InteractionMessages() {
    }

    public record LikedTrack(TrackInfo track) {
    }

    /** No sessionId, as the original: it goes to one session's topic only. */
    public record LikeReceived(String type, LikedTrack payload) {
        public LikeReceived(TrackInfo track) {
            this("LIKE_RECEIVED", new LikedTrack(track));
        }
    }

    public record TempoFeedback(String type, String sessionId, int faster, int slower, int perfect, int total) {
        public TempoFeedback(String sessionId, TempoCounts counts) {
            this("TEMPO_FEEDBACK", sessionId, counts.faster(), counts.slower(), counts.perfect(), counts.total());
        }
    }

    public record ReactionReceived(String type, String sessionId, String reaction) {
        public ReactionReceived(String sessionId, String reaction) {
            this("REACTION_RECEIVED", sessionId, reaction);
        }
    }

    /** The broadcast when a poll starts. */
    public record PollStarted(String type, String sessionId, long pollId, String question, List<String> options,
                              Instant endsAt) {
        public PollStarted(RunningPoll poll) {
            this("POLL_STARTED", poll.sessionId(), poll.id(), poll.question(), poll.options(), poll.endsAt());
        }
    }

    /** What a late joiner gets: the counts and its own vote. No sessionId, as the original. */
    public record PollInProgress(String type, long pollId, String question, List<String> options, Instant endsAt,
                                 List<Integer> votes, int totalVotes, boolean hasVoted, Integer votedOptionIndex) {
        public PollInProgress(RunningPoll poll, String clientId) {
            this("POLL_STARTED", poll.id(), poll.question(), poll.options(), poll.endsAt(), poll.votes(),
                    poll.totalVotes(), poll.hasVoted(clientId), poll.voteOf(clientId));
        }
    }

    public record PollUpdate(String type, long pollId, List<Integer> votes, int totalVotes, String sessionId) {
        public PollUpdate(RunningPoll poll) {
            this("POLL_UPDATE", poll.id(), poll.votes(), poll.totalVotes(), poll.sessionId());
        }
    }

    /** {@code winnerIndex}: the first most-voted option, 0 when nobody voted, -1 when cancelled. */
    public record PollEnded(String type, long pollId, List<Integer> results, int totalVotes, int winnerIndex) {
        public static PollEnded of(RunningPoll poll) {
            return new PollEnded("POLL_ENDED", poll.id(), poll.votes(), poll.totalVotes(), poll.winnerIndex());
        }

        public static PollEnded cancelled(RunningPoll poll) {
            return new PollEnded("POLL_ENDED", poll.id(), poll.options().stream().map(o -> 0).toList(), 0, -1);
        }
    }

    /** A vote the server did not count (the poll ended, or is another session's), with the counts as they stand. */
    public record VoteRejected(String type, long pollId, String reason, List<Integer> votes, int totalVotes) {
        public VoteRejected(long pollId, String reason, List<Integer> votes, int totalVotes) {
            this("VOTE_REJECTED", pollId, reason, votes, totalVotes);
        }
    }

    public record AnnouncementReceived(String type, String sessionId, String message, String djName, Instant timestamp,
                                       Instant endsAt) {
        public AnnouncementReceived(String sessionId, String djName, Announcement announcement) {
            this("ANNOUNCEMENT_RECEIVED", sessionId, announcement.message(), djName, announcement.timestamp(),
                    announcement.endsAt());
        }
    }

    public record AnnouncementCancelled(String type, String sessionId) {
        public AnnouncementCancelled(String sessionId) {
            this("ANNOUNCEMENT_CANCELLED", sessionId);
        }
    }
}
