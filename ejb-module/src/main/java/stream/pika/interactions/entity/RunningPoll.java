package stream.pika.interactions.entity;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A poll dancers can vote in now. Immutable: a vote makes a new value, so a store can swap it
 * atomically.
 *
 * @param id     the database id, which is the wire {@code pollId}
 * @param votes  the count per option
 * @param voters the option each dancer (client id) chose
 * @param endsAt null for an open-ended poll
 */
public record RunningPoll(long id, String sessionId, String question, List<String> options, Instant startedAt,
                          Instant endsAt, List<Integer> votes, Map<String, Integer> voters) {

    public RunningPoll {
        options = List.copyOf(options);
        votes = List.copyOf(votes);
        voters = Map.copyOf(voters);
    }

    public static RunningPoll open(long id, String sessionId, String question, List<String> options, Instant startedAt,
                                   Instant endsAt) {
        return new RunningPoll(id, sessionId, question, options, startedAt, endsAt,
                options.stream().map(o -> 0).toList(), Map.of());
    }

    public RunningPoll withVote(String clientId, int option) {
        Integer[] counts = votes.toArray(Integer[]::new);
        counts[option]++;
        Map<String, Integer> after = new java.util.HashMap<>(voters);
        after.put(clientId, option);
        return new RunningPoll(id, sessionId, question, options, startedAt, endsAt, List.of(counts), after);
    }

    public int totalVotes() {
        return votes.stream().mapToInt(Integer::intValue).sum();
    }

    public boolean hasVoted(String clientId) {
        return clientId != null && voters.containsKey(clientId);
    }

    public Integer voteOf(String clientId) {
        return clientId == null ? null : voters.get(clientId);
    }

    /** The first most-voted option; 0 when nobody voted (as the original). */
    public int winnerIndex() {
        int winner = 0;
        for (int i = 1; i < votes.size(); i++) {
            if (votes.get(i) > votes.get(winner)) {
                winner = i;
            }
        }
        return winner;
    }

    public boolean over(Instant now) {
        return endsAt != null && !now.isBefore(endsAt);
    }
}
