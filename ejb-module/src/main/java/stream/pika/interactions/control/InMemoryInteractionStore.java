package stream.pika.interactions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import stream.pika.interactions.entity.Announcement;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Interaction state in this process (one node, or no Redis configured). */
@ApplicationScoped
@Typed(InMemoryInteractionStore.class)
public class InMemoryInteractionStore implements InteractionStore {

    private record Vote(TempoPreference preference, Instant at) {
    }

    /** Session id to "client id + newline + track key". */
    private final Map<String, Set<String>> likes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Vote>> tempo = new ConcurrentHashMap<>();
    private final Map<Long, RunningPoll> polls = new ConcurrentHashMap<>();
    /** Session id to the id of its running poll. */
    private final Map<String, Long> runningBySession = new ConcurrentHashMap<>();
    private final Map<String, Announcement> announcements = new ConcurrentHashMap<>();
    /** Ended polls of live sessions, kept so a late vote is told the final counts. */
    private final Map<Long, RunningPoll> ended = new ConcurrentHashMap<>();

    @Override
    public boolean like(String sessionId, String clientId, String trackKey) {
        return likes.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(clientId + '\n' + trackKey);
    }

    @Override
    public boolean unlike(String sessionId, String clientId, String trackKey) {
        Set<String> liked = likes.get(sessionId);
        return liked != null && liked.remove(clientId + '\n' + trackKey);
    }

    @Override
    public TempoCounts voteTempo(String sessionId, String clientId, Optional<TempoPreference> preference, Instant now, Duration life) {
        Map<String, Vote> votes = tempo.computeIfAbsent(sessionId, id -> new ConcurrentHashMap<>());
        if (preference.isPresent()) {
            votes.put(clientId, new Vote(preference.get(), now));
        } else {
            votes.remove(clientId);
        }
        return tempo(sessionId, now, life);
    }

    @Override
    public TempoCounts tempo(String sessionId, Instant now, Duration life) {
        Map<String, Vote> votes = tempo.get(sessionId);
        if (votes == null) {
            return TempoCounts.NONE;
        }
        votes.values().removeIf(v -> !now.isBefore(v.at().plus(life)));
        int faster = 0;
        int slower = 0;
        int perfect = 0;
        for (Vote vote : votes.values()) {
            switch (vote.preference()) {
                case FASTER -> faster++;
                case SLOWER -> slower++;
                case PERFECT -> perfect++;
            }
        }
        return new TempoCounts(faster, slower, perfect);
    }

    @Override
    public TempoCounts resetTempo(String sessionId, Instant now, Duration life) {
        TempoCounts before = tempo(sessionId, now, life);
        tempo.remove(sessionId);
        return before;
    }

    @Override
    public Optional<RunningPoll> startPoll(RunningPoll poll) {
        polls.put(poll.id(), poll);
        Long before = runningBySession.put(poll.sessionId(), poll.id());
        return before == null || before == poll.id() ? Optional.empty() : endPoll(before);
    }

    /** As a mirror of a shared store: this is the session's running poll as it stands. */
    void remember(RunningPoll poll) {
        polls.put(poll.id(), poll);
        Long before = runningBySession.put(poll.sessionId(), poll.id());
        if (before != null && before != poll.id()) {
            polls.remove(before);
        }
    }

    @Override
    public Optional<RunningPoll> poll(long pollId) {
        return Optional.ofNullable(polls.get(pollId));
    }

    @Override
    public Optional<RunningPoll> runningPoll(String sessionId) {
        Long id = runningBySession.get(sessionId);
        return id == null ? Optional.empty() : poll(id);
    }

    @Override
    public Collection<RunningPoll> runningPolls() {
        return List.copyOf(polls.values());
    }

    @Override
    public VoteResult vote(long pollId, String clientId, int optionIndex, Instant now) {
        VoteKind[] kind = {VoteKind.NO_SUCH_POLL};
        RunningPoll after = polls.computeIfPresent(pollId, (id, poll) -> {
            if (poll.over(now)) {
                kind[0] = VoteKind.POLL_OVER;
                return poll;
            }
            if (poll.hasVoted(clientId)) {
                kind[0] = VoteKind.ALREADY_VOTED;
                return poll;
            }
            if (optionIndex < 0 || optionIndex >= poll.options().size()) {
                kind[0] = VoteKind.NO_SUCH_OPTION;
                return poll;
            }
            kind[0] = VoteKind.COUNTED;
            return poll.withVote(clientId, optionIndex);
        });
        if (after == null && ended.containsKey(pollId)) {
            return new VoteResult(VoteKind.POLL_OVER, Optional.of(ended.get(pollId)));
        }
        return new VoteResult(kind[0], Optional.ofNullable(after));
    }

    @Override
    public Optional<RunningPoll> endPoll(long pollId) {
        RunningPoll poll = polls.remove(pollId);
        if (poll != null) {
            runningBySession.remove(poll.sessionId(), pollId);
            ended.put(pollId, poll);
        }
        return Optional.ofNullable(poll);
    }

    @Override
    public void announce(String sessionId, Announcement announcement) {
        announcements.put(sessionId, announcement);
    }

    @Override
    public Optional<Announcement> announcement(String sessionId) {
        return Optional.ofNullable(announcements.get(sessionId));
    }

    @Override
    public Optional<Announcement> cancelAnnouncement(String sessionId) {
        return Optional.ofNullable(announcements.remove(sessionId));
    }

    @Override
    public Optional<Announcement> expireAnnouncement(String sessionId, Instant now) {
        Announcement[] expired = new Announcement[1];
        announcements.computeIfPresent(sessionId, (id, a) -> {
            if (a.over(now)) {
                expired[0] = a;
                return null;
            }
            return a;
        });
        return Optional.ofNullable(expired[0]);
    }

    @Override
    public Collection<String> announcingSessions() {
        return List.copyOf(announcements.keySet());
    }

    @Override
    public Optional<RunningPoll> forget(String sessionId) {
        likes.remove(sessionId);
        tempo.remove(sessionId);
        announcements.remove(sessionId);
        ended.values().removeIf(p -> p.sessionId().equals(sessionId));
        Long running = runningBySession.remove(sessionId);
        return running == null ? Optional.empty() : Optional.ofNullable(polls.remove(running));
    }
}
