package stream.pika.interactions.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import stream.pika.interactions.entity.Announcement;
import stream.pika.interactions.entity.RunningPoll;
import stream.pika.interactions.entity.TempoCounts;
import stream.pika.interactions.entity.TempoPreference;
import stream.pika.platform.control.RedisConnection;
import stream.pika.platform.entity.WireFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Interaction state in Redis, shared by all nodes, under {@code <prefix>:{interactions}:}. Per session:
 * {@code likes} (set of "client\ntrack"), {@code tempo} (hash client → "PREFERENCE:ms"),
 * {@code announcement} (JSON), {@code running} (the running poll's id). Per poll: {@code poll}
 * (the poll as opened, JSON), {@code poll-voters} (hash client → option), {@code poll-counts}
 * (hash option → votes), {@code poll-ends} (its end, ms), {@code poll-ended}. A vote is one Lua call: a dancer's second vote,
 * from whatever node, is never counted. Everything expires 24 h after its last change.
 */
@ApplicationScoped
@Typed(RedisInteractionStore.class)
public class RedisInteractionStore implements InteractionStore {

    private static final Duration LIFE = Duration.ofHours(24);
    private static final String TAG = "{interactions}";

    /**
     * KEYS poll, voters, counts, ended, ends; ARGV client, option, life ms, now ms. Returns
     * {kind, poll JSON, option, votes, option, votes…}: the vote and the counts after it in one call.
     */
    private static final String VOTE = """
            local meta = redis.call('GET', KEYS[1])
            if not meta then return {'NO_SUCH_POLL'} end
            local function answer(kind)
              local result = {kind, meta}
              for _, v in ipairs(redis.call('HGETALL', KEYS[3])) do table.insert(result, v) end
              return result
            end
            if redis.call('EXISTS', KEYS[4]) == 1 then return answer('POLL_OVER') end
            local ends = redis.call('GET', KEYS[5])
            if ends and tonumber(ARGV[4]) >= tonumber(ends) then return answer('POLL_OVER') end
            local option = tonumber(ARGV[2])
            if option < 0 or option >= #cjson.decode(meta).options then return answer('NO_SUCH_OPTION') end
            if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return answer('ALREADY_VOTED') end
            redis.call('HINCRBY', KEYS[3], ARGV[2], 1)
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[3])
            return answer('COUNTED')
            """;

    /**
     * KEYS running, announcement; ARGV the prefix of poll keys, the client ('' for all voters).
     * Returns {announcement JSON or '', poll JSON, number of count fields, option, votes…,
     * client, option…}, or {announcement JSON or ''} without a poll.
     */
    private static final String RUNNING_POLL = """
            local announcement = redis.call('GET', KEYS[2]) or ''
            local id = redis.call('GET', KEYS[1])
            if not id then return {announcement} end
            local meta = redis.call('GET', ARGV[1] .. 'poll:' .. id)
            if not meta then return {announcement} end
            local counts = redis.call('HGETALL', ARGV[1] .. 'poll-counts:' .. id)
            local result = {announcement, meta, tostring(#counts)}
            for _, v in ipairs(counts) do table.insert(result, v) end
            if ARGV[2] == '' then
              for _, v in ipairs(redis.call('HGETALL', ARGV[1] .. 'poll-voters:' .. id)) do table.insert(result, v) end
            else
              local option = redis.call('HGET', ARGV[1] .. 'poll-voters:' .. id, ARGV[2])
              if option then table.insert(result, ARGV[2]); table.insert(result, option) end
            end
            return result
            """;

    /** KEYS tempo; ARGV client, preference ('' removes), now ms, vote life ms, key life ms. Returns {faster, slower, perfect}. */
    private static final String TEMPO = """
            local now, life = tonumber(ARGV[3]), tonumber(ARGV[4])
            if ARGV[1] ~= '' then
              if ARGV[2] == '' then
                redis.call('HDEL', KEYS[1], ARGV[1])
              else
                redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
                redis.call('PEXPIRE', KEYS[1], ARGV[5])
              end
            end
            local all = redis.call('HGETALL', KEYS[1])
            local faster, slower, perfect = 0, 0, 0
            for i = 1, #all, 2 do
              local v = all[i + 1]
              local sep = string.find(v, ':')
              local preference = string.sub(v, 1, sep - 1)
              if now >= tonumber(string.sub(v, sep + 1)) + life then
                redis.call('HDEL', KEYS[1], all[i])
              elseif preference == 'FASTER' then faster = faster + 1
              elseif preference == 'SLOWER' then slower = slower + 1
              else perfect = perfect + 1 end
            end
            return {faster, slower, perfect}
            """;

    /** KEYS[1] value; ARGV expected. Deletes only the value read. */
    /**
     * A poll starts from nothing, in one step: whatever a key of the same id held (an earlier
     * database's poll of that id, a half-written start) is gone before it opens. KEYS poll,
     * voters, counts, ended, ends, the running-polls set, the session's running poll; ARGV the
     * poll's JSON, its end (ms, or empty), life ms, its id. Returns the session's previous poll id
     * (or empty).
     */
    private static final String START_POLL = """
            redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5])
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
            if ARGV[2] ~= '' then
              redis.call('SET', KEYS[5], ARGV[2], 'PX', ARGV[3])
            end
            redis.call('SADD', KEYS[6], ARGV[4])
            local before = redis.call('GET', KEYS[7])
            redis.call('SET', KEYS[7], ARGV[4], 'PX', ARGV[3])
            return before or ''
            """;

    private static final String COMPARE_AND_DELETE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return 0
            """;

    private static final Logger LOG = Logger.getLogger(RedisInteractionStore.class.getName());

    @Inject
    RedisConnection redis;

    protected RedisInteractionStore() {
        // for CDI
    }

    /** A store outside the container (benchmarks). */
    public RedisInteractionStore(RedisConnection redis) {
        this.redis = redis;
    }

    /**
     * While Redis is away this node keeps its own interaction state, starting from the running
     * polls it saw (mirrored on every read and vote), so a dancer can still vote on the poll of the
     * set; what it changed meanwhile is replayed on Redis, in order, when Redis returns.
     */
    private final InMemoryInteractionStore local = new InMemoryInteractionStore();
    /** The changes made while Redis was away, as the shared calls that make them again. */
    private final Deque<Supplier<?>> madeWhileAway = new ConcurrentLinkedDeque<>();
    /** At most this many are kept (a long outage at a big event must not fill the heap); the rest are dropped, logged once. */
    static final int MOST_KEPT_WHILE_AWAY = 100_000;
    private final AtomicInteger keptWhileAway = new AtomicInteger();
    private final AtomicBoolean overflowLogged = new AtomicBoolean();
    private final AtomicBoolean replaySoon = new AtomicBoolean();

    @PostConstruct
    void listen() {
        redis.onRecovery(this::replay);
    }

    /**
     * A change: on Redis, or in this node's memory while Redis is away or busy. The change is
     * kept to be made on Redis again: at its return, or in about a second when its command never
     * left this node in a busy moment; not after a timeout with Redis answering otherwise (the
     * command was most likely carried out).
     */
    private <T> T change(Supplier<T> shared, Supplier<T> fallback) {
        return redis.orOnMiss(shared, miss -> {
            if (miss != RedisConnection.Miss.UNANSWERED) {
                keep(shared);
            }
            if (miss == RedisConnection.Miss.UNSENT && replaySoon.compareAndSet(false, true)) {
                redis.soon(this::catchUp);
            }
            return fallback.get();
        });
    }

    private void keep(Supplier<?> shared) {
        if (keptWhileAway.incrementAndGet() <= MOST_KEPT_WHILE_AWAY) {
            madeWhileAway.add(shared);
            return;
        }
        keptWhileAway.decrementAndGet();
        if (overflowLogged.compareAndSet(false, true)) {
            LOG.warning(() -> MOST_KEPT_WHILE_AWAY + " interaction changes made while Redis is away are kept for"
                    + " its return; later ones stay on this node only");
        }
    }

    /** After a busy moment: the changes whose commands never left reach Redis (during an outage its return does this). */
    private void catchUp() {
        replaySoon.set(false);
        if (!redis.degraded()) {
            replay("Caught up with Redis", Level.FINE); // busy moments come often under load: not worth an INFO each
        }
    }

    /** Redis is back: the interactions of the outage reach it (a vote counted twice is refused there as anywhere). */
    private void replay() {
        replay("Redis is back", Level.INFO);
    }

    /**
     * A Redis that restarted empty lost the running polls too: this node's are started again first,
     * so the votes kept meanwhile land on them (the votes from before the outage are lost with it).
     * When Redis misses this (its connections still coming back), all of it is tried again soon.
     */
    private void replay(String occasion, Level level) {
        int restored = 0;
        try {
            for (RunningPoll poll : local.runningPolls()) {
                if (sharedPoll(poll.id()).isEmpty() && sharedRunningPoll(poll.sessionId(), "").isEmpty()) {
                    sharedStartPoll(poll);
                    restored++;
                }
            }
        } catch (RedisException e) {
            redis.failed(e);
            if (!redis.degraded() && replaySoon.compareAndSet(false, true)) {
                redis.soon(this::catchUp);
            }
            LOG.log(level, () -> occasion + ": its running polls could not be checked yet (" + e.getMessage() + "); trying again");
            return;
        }
        int polls = restored;
        int total = replayKept();
        LOG.log(level, () -> occasion + ": " + total + " interaction change(s) made meanwhile replayed, " + polls
                + " running poll(s) it had lost started again");
    }

    /**
     * Makes the kept changes on Redis, in order; returns how many. When Redis misses one again,
     * it and the rest stay kept, for the next catch-up or Redis's return.
     */
    private int replayKept() {
        int replayed = 0;
        for (Supplier<?> next = madeWhileAway.pollFirst(); next != null; next = madeWhileAway.pollFirst()) {
            try {
                next.get();
                replayed++;
                keptWhileAway.decrementAndGet();
            } catch (RedisException e) {
                madeWhileAway.offerFirst(next);
                redis.failed(e);
                if (!redis.degraded() && replaySoon.compareAndSet(false, true)) {
                    redis.soon(this::catchUp);
                }
                break;
            } catch (RuntimeException e) {
                keptWhileAway.decrementAndGet();
                LOG.log(Level.WARNING, "Replaying an interaction made while Redis was away failed", e);
            }
        }
        if (madeWhileAway.isEmpty()) {
            overflowLogged.set(false);
        }
        return replayed;
    }

    /** A running poll as Redis has it, or its end: this node's memory follows, for the next outage. */
    private Optional<RunningPoll> mirrored(Optional<RunningPoll> poll) {
        poll.ifPresent(local::remember);
        return poll;
    }

    @Override
    public boolean like(String sessionId, String clientId, String trackKey) {
        return change(() -> sharedLike(sessionId, clientId, trackKey), () -> local.like(sessionId, clientId, trackKey));
    }

    @Override
    public boolean unlike(String sessionId, String clientId, String trackKey) {
        return change(() -> sharedUnlike(sessionId, clientId, trackKey), () -> local.unlike(sessionId, clientId, trackKey));
    }

    @Override
    public TempoCounts voteTempo(String sessionId, String clientId, Optional<TempoPreference> preference, Instant now, Duration life) {
        return change(() -> sharedVoteTempo(sessionId, clientId, preference, now, life), () -> local.voteTempo(sessionId, clientId, preference, now, life));
    }

    @Override
    public TempoCounts tempo(String sessionId, Instant now, Duration life) {
        return redis.orElse(() -> sharedTempo(sessionId, now, life), () -> local.tempo(sessionId, now, life));
    }

    @Override
    public TempoCounts resetTempo(String sessionId, Instant now, Duration life) {
        return change(() -> sharedResetTempo(sessionId, now, life), () -> local.resetTempo(sessionId, now, life));
    }

    @Override
    public Optional<RunningPoll> startPoll(RunningPoll poll) {
        return change(() -> {
            Optional<RunningPoll> replaced = sharedStartPoll(poll);
            local.startPoll(poll);
            return replaced;
        }, () -> local.startPoll(poll));
    }

    @Override
    public Optional<RunningPoll> poll(long pollId) {
        return redis.orElse(() -> sharedPoll(pollId), () -> local.poll(pollId));
    }

    @Override
    public Optional<RunningPoll> runningPoll(String sessionId) {
        return redis.orElse(() -> mirrored(sharedRunningPoll(sessionId, "")), () -> local.runningPoll(sessionId));
    }

    @Override
    public LateJoinerState lateJoinerState(String sessionId, String clientId) {
        return redis.orElse(() -> {
                    LateJoinerState state = sharedLateJoinerState(sessionId, clientId == null ? "" : clientId);
                    mirrored(state.poll());
                    return state;
                },
                () -> local.lateJoinerState(sessionId, clientId));
    }

    @Override
    public Collection<RunningPoll> runningPolls() {
        return redis.orElse(() -> sharedRunningPolls(), () -> local.runningPolls());
    }

    @Override
    public VoteResult vote(long pollId, String clientId, int optionIndex, Instant now) {
        return change(() -> {
            VoteResult result = sharedVote(pollId, clientId, optionIndex, now);
            if (result.kind() == VoteKind.COUNTED || result.kind() == VoteKind.ALREADY_VOTED) {
                mirrored(result.poll());
            }
            return result;
        }, () -> local.vote(pollId, clientId, optionIndex, now));
    }

    @Override
    public Optional<RunningPoll> endPoll(long pollId) {
        return change(() -> {
            local.endPoll(pollId);
            return sharedEndPoll(pollId);
        }, () -> local.endPoll(pollId));
    }

    @Override
    public void announce(String sessionId, Announcement announcement) {
        change(() -> {
            sharedAnnounce(sessionId, announcement);
            return null;
        }, () -> {
            local.announce(sessionId, announcement);
            return null;
        });
    }

    @Override
    public Optional<Announcement> announcement(String sessionId) {
        return redis.orElse(() -> sharedAnnouncement(sessionId), () -> local.announcement(sessionId));
    }

    @Override
    public Optional<Announcement> cancelAnnouncement(String sessionId) {
        return change(() -> sharedCancelAnnouncement(sessionId), () -> local.cancelAnnouncement(sessionId));
    }

    @Override
    public Optional<Announcement> expireAnnouncement(String sessionId, Instant now) {
        return change(() -> sharedExpireAnnouncement(sessionId, now), () -> local.expireAnnouncement(sessionId, now));
    }

    @Override
    public Collection<String> announcingSessions() {
        return redis.orElse(() -> sharedAnnouncingSessions(), () -> local.announcingSessions());
    }

    @Override
    public Optional<RunningPoll> forget(String sessionId) {
        return change(() -> {
            local.forget(sessionId);
            return sharedForget(sessionId);
        }, () -> local.forget(sessionId));
    }

    private boolean sharedLike(String sessionId, String clientId, String trackKey) {
        var likes = redis().<String>getSet(sessionKey("likes", sessionId), StringCodec.INSTANCE);
        boolean added = likes.add(clientId + '\n' + trackKey);
        likes.expire(LIFE);
        return added;
    }

    private boolean sharedUnlike(String sessionId, String clientId, String trackKey) {
        return redis().<String>getSet(sessionKey("likes", sessionId), StringCodec.INSTANCE).remove(clientId + '\n' + trackKey);
    }

    private TempoCounts sharedVoteTempo(String sessionId, String clientId, Optional<TempoPreference> preference, Instant now, Duration life) {
        return tally(sessionId, clientId, preference.map(Enum::name).orElse(""), now, life);
    }

    private TempoCounts sharedTempo(String sessionId, Instant now, Duration life) {
        return tally(sessionId, "", "", now, life);
    }

    private TempoCounts sharedResetTempo(String sessionId, Instant now, Duration life) {
        TempoCounts before = sharedTempo(sessionId, now, life);
        redis().getBucket(sessionKey("tempo", sessionId)).delete();
        return before;
    }

    private Optional<RunningPoll> sharedStartPoll(RunningPoll poll) {
        String opened = WireFormat.toJson(RunningPoll.open(poll.id(), poll.sessionId(), poll.question(), poll.options(),
                poll.startedAt(), poll.endsAt()));
        String id = String.valueOf(poll.id());
        String before = redis().getScript(StringCodec.INSTANCE).eval(pollKey("poll", poll.id()), RScript.Mode.READ_WRITE, START_POLL,
                RScript.ReturnType.VALUE,
                List.of(pollKey("poll", poll.id()), pollKey("poll-voters", poll.id()), pollKey("poll-counts", poll.id()),
                        pollKey("poll-ended", poll.id()), pollKey("poll-ends", poll.id()), redis.key(TAG, "polls"),
                        sessionKey("running", poll.sessionId())),
                opened, poll.endsAt() == null ? "" : String.valueOf(poll.endsAt().toEpochMilli()), String.valueOf(LIFE.toMillis()), id);
        return before.isEmpty() || before.equals(id) ? Optional.empty() : sharedEndPoll(Long.parseLong(before));
    }

    private Optional<RunningPoll> sharedPoll(long pollId) {
        return read(pollId, null);
    }

    private Optional<RunningPoll> sharedRunningPoll(String sessionId, String client) {
        return sharedLateJoinerState(sessionId, client).poll();
    }

    /** One round trip: the announcement, the poll, its counts, and all voters ({@code client} empty) or that dancer's vote. */
    private LateJoinerState sharedLateJoinerState(String sessionId, String client) {
        List<String> result = redis().getScript(StringCodec.INSTANCE).eval(sessionKey("running", sessionId), RScript.Mode.READ_ONLY,
                RUNNING_POLL, RScript.ReturnType.MULTI, List.of(sessionKey("running", sessionId), sessionKey("announcement", sessionId)),
                redis.key(TAG) + ":", client);
        Optional<Announcement> announcement = result.get(0).isEmpty() ? Optional.empty()
                : Optional.of(WireFormat.fromJson(result.get(0), Announcement.class));
        if (result.size() < 2) {
            return new LateJoinerState(Optional.empty(), announcement);
        }
        int countFields = Integer.parseInt(result.get(2));
        Map<String, String> counts = new HashMap<>();
        for (int i = 3; i + 1 < 3 + countFields; i += 2) {
            counts.put(result.get(i), result.get(i + 1));
        }
        Map<String, String> voters = new HashMap<>();
        for (int i = 3 + countFields; i + 1 < result.size(); i += 2) {
            voters.put(result.get(i), result.get(i + 1));
        }
        return new LateJoinerState(Optional.of(poll(result.get(1), counts, voters)), announcement);
    }

    private Collection<RunningPoll> sharedRunningPolls() {
        List<RunningPoll> running = new ArrayList<>();
        for (String id : redis().<String>getSet(redis.key(TAG, "polls"), StringCodec.INSTANCE).readAll()) {
            read(Long.parseLong(id), null).ifPresent(running::add);
        }
        return running;
    }

    /** {@code poll} in the result carries the counts and, among voters, this dancer only. */
    private VoteResult sharedVote(long pollId, String clientId, int optionIndex, Instant now) {
        List<String> result = redis().getScript(StringCodec.INSTANCE).eval(pollKey("poll", pollId), RScript.Mode.READ_WRITE, VOTE,
                RScript.ReturnType.MULTI,
                List.of(pollKey("poll", pollId), pollKey("poll-voters", pollId), pollKey("poll-counts", pollId),
                        pollKey("poll-ended", pollId), pollKey("poll-ends", pollId)),
                clientId, String.valueOf(optionIndex), String.valueOf(LIFE.toMillis()), String.valueOf(now.toEpochMilli()));
        VoteKind kind = VoteKind.valueOf(result.get(0));
        if (result.size() < 2) {
            return new VoteResult(kind, Optional.empty());
        }
        Map<String, String> counts = new HashMap<>();
        for (int i = 2; i + 1 < result.size(); i += 2) {
            counts.put(result.get(i), result.get(i + 1));
        }
        Map<String, String> mine = kind == VoteKind.COUNTED ? Map.of(clientId, String.valueOf(optionIndex)) : Map.of();
        return new VoteResult(kind, Optional.of(poll(result.get(1), counts, mine)));
    }

    private Optional<RunningPoll> sharedEndPoll(long pollId) {
        Optional<RunningPoll> poll = read(pollId, null);
        if (poll.isEmpty()) {
            return Optional.empty();
        }
        boolean wasRunning = redis().<String>getBucket(pollKey("poll-ended", pollId), StringCodec.INSTANCE).setIfAbsent("1", LIFE);
        redis().getSet(redis.key(TAG, "polls"), StringCodec.INSTANCE).remove(String.valueOf(pollId));
        compareAndDelete(sessionKey("running", poll.get().sessionId()), String.valueOf(pollId));
        return wasRunning ? poll : Optional.empty();
    }

    private void sharedAnnounce(String sessionId, Announcement announcement) {
        redis().getBucket(sessionKey("announcement", sessionId), StringCodec.INSTANCE).set(WireFormat.toJson(announcement), LIFE);
        redis().getSet(redis.key(TAG, "announcing"), StringCodec.INSTANCE).add(sessionId);
    }

    private Optional<Announcement> sharedAnnouncement(String sessionId) {
        String json = redis().<String>getBucket(sessionKey("announcement", sessionId), StringCodec.INSTANCE).get();
        return Optional.ofNullable(json).map(j -> WireFormat.fromJson(j, Announcement.class));
    }

    private Optional<Announcement> sharedCancelAnnouncement(String sessionId) {
        String json = redis().<String>getBucket(sessionKey("announcement", sessionId), StringCodec.INSTANCE).getAndDelete();
        redis().getSet(redis.key(TAG, "announcing"), StringCodec.INSTANCE).remove(sessionId);
        return Optional.ofNullable(json).map(j -> WireFormat.fromJson(j, Announcement.class));
    }

    private Optional<Announcement> sharedExpireAnnouncement(String sessionId, Instant now) {
        String json = redis().<String>getBucket(sessionKey("announcement", sessionId), StringCodec.INSTANCE).get();
        if (json == null) {
            return Optional.empty();
        }
        Announcement announcement = WireFormat.fromJson(json, Announcement.class);
        if (!announcement.over(now) || !compareAndDelete(sessionKey("announcement", sessionId), json)) {
            return Optional.empty();
        }
        redis().getSet(redis.key(TAG, "announcing"), StringCodec.INSTANCE).remove(sessionId);
        return Optional.of(announcement);
    }

    private Collection<String> sharedAnnouncingSessions() {
        return List.copyOf(redis().<String>getSet(redis.key(TAG, "announcing"), StringCodec.INSTANCE).readAll());
    }

    private Optional<RunningPoll> sharedForget(String sessionId) {
        Optional<RunningPoll> running = sharedRunningPoll(sessionId, "");
        running.ifPresent(poll -> sharedEndPoll(poll.id()));
        for (String kind : List.of("likes", "tempo", "announcement", "running")) {
            redis().getBucket(sessionKey(kind, sessionId)).delete();
        }
        redis().getSet(redis.key(TAG, "announcing"), StringCodec.INSTANCE).remove(sessionId);
        return running;
    }

    private TempoCounts tally(String sessionId, String clientId, String preference, Instant now, Duration life) {
        List<Long> counts = redis().getScript(StringCodec.INSTANCE).eval(sessionKey("tempo", sessionId), RScript.Mode.READ_WRITE,
                TEMPO, RScript.ReturnType.MULTI, List.of(sessionKey("tempo", sessionId)),
                clientId, preference, String.valueOf(now.toEpochMilli()), String.valueOf(life.toMillis()), String.valueOf(LIFE.toMillis()));
        return new TempoCounts(counts.get(0).intValue(), counts.get(1).intValue(), counts.get(2).intValue());
    }

    /** The poll as opened, with its counts and the given voters (null: none). */
    private Optional<RunningPoll> read(long pollId, Map<String, String> voters) {
        String json = redis().<String>getBucket(pollKey("poll", pollId), StringCodec.INSTANCE).get();
        if (json == null) {
            return Optional.empty();
        }
        Map<String, String> counts = redis().<String, String>getMap(pollKey("poll-counts", pollId), StringCodec.INSTANCE).readAllMap();
        return Optional.of(poll(json, counts, voters));
    }

    private static RunningPoll poll(String json, Map<String, String> counts, Map<String, String> voters) {
        RunningPoll opened = WireFormat.fromJson(json, RunningPoll.class);
        List<Integer> votes = new ArrayList<>(opened.options().size());
        for (int i = 0; i < opened.options().size(); i++) {
            votes.add(Integer.parseInt(counts.getOrDefault(String.valueOf(i), "0")));
        }
        Map<String, Integer> chosen = new HashMap<>();
        if (voters != null) {
            voters.forEach((client, option) -> chosen.put(client, Integer.parseInt(option)));
        }
        return new RunningPoll(opened.id(), opened.sessionId(), opened.question(), opened.options(),
                opened.startedAt(), opened.endsAt(), votes, chosen);
    }

    private boolean compareAndDelete(String key, String expected) {
        Long deleted = redis().getScript(StringCodec.INSTANCE).eval(key, RScript.Mode.READ_WRITE, COMPARE_AND_DELETE,
                RScript.ReturnType.INTEGER, List.of(key), expected);
        return deleted == 1L;
    }

    private RedissonClient redis() {
        return redis.client();
    }

    /**
     * {@code <prefix>:{interactions}:<kind>:<session id>}; one hash tag for all interaction keys,
     * so a script may read a session's running poll and the poll's keys together, on Redis
     * Cluster too (on one shard).
     */
    private String sessionKey(String kind, String sessionId) {
        return redis.key(TAG, kind, sessionId);
    }

    /** {@code <prefix>:{interactions}:poll…:<poll id>} (the script above builds the same names). */
    private String pollKey(String kind, long pollId) {
        return redis.key(TAG, kind, String.valueOf(pollId));
    }
}
