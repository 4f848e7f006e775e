package stream.pika.interactions.entity;

import java.time.Instant;
import java.util.List;

/** What the REST API shows of interactions (contract section 2), in the original's shapes. */
public final class InteractionViews {

    private InteractionViews() {
    }

    public record ClientLikes(String clientId, long totalLikes, List<LikedTrack> likes) {
    }

    public record LikedTrack(long id, String sessionId, String artist, String title, Instant likedAt, String djName,
                             Instant sessionDate) {
    }

    public record TopTrack(String artist, String title, long likeCount) {
    }

    public record GlobalStats(long totalSessions, long totalTracks, long totalLikes) {
    }

    /** A poll in a set's recap; {@code winner} and {@code currentTrack} may be null, as the original writes them. */
    public record PollResult(long id, String question, List<String> options, List<Integer> votes, int totalVotes,
                             int winnerIndex, String winner, Instant startedAt, Instant endedAt, String trackArtist,
                             String trackTitle) {
    }

    public record PollResults(List<PollResult> polls, int totalPolls, int totalPollVotes) {
    }
}
