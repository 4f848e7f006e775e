package stream.pika.live.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RBucketAsync;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;
import org.redisson.client.codec.StringCodec;
import stream.pika.live.entity.LiveSession;
import stream.pika.platform.entity.NodeIdentity;
import stream.pika.platform.control.RedisConnection;
import stream.pika.platform.entity.WireFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Live state in Redis, for several nodes: each live session is a JSON string under
 * {@code <prefix>:{live}:session:<id>} (24 h, renewed by every change), listed in
 * {@code <prefix>:{live}:sessions}; its dancers in a hash {@code {live}:listeners:<id>}
 * ("node|client id" → "connections:last seen ms"; a node's entries stop counting when its
 * heartbeat {@code {live}:node:<node id>} lapses, so a node that died keeps no one counted), its broadcast rule and message ids in keys that
 * expire on their own. Changes that nodes may race on are Lua scripts or compare-and-set
 * (a change is applied to the value read and written only if nobody wrote in between).
 *
 * <p>While Redis is away (a call failed; {@link RedisConnection} probes for its return) the node
 * works from its own view, a mirror of the sessions it saw, so its DJs and dancers go on; what it
 * changed meanwhile is written back when Redis returns. A session changed in memory (during an
 * outage, or when a busy moment's command may not have reached Redis) is <em>held here</em>: every
 * call about it stays in memory until it is written, so that a read from Redis in between can
 * neither answer with the state from before nor make the node forget what it did.
 */
@ApplicationScoped
@Typed(RedisLiveStateStore.class)
public class RedisLiveStateStore implements LiveStateStore {

    static final Duration SESSION_LIFE = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(RedisLiveStateStore.class.getName());
    private static final int CAS_ATTEMPTS = 20;
    private static final String TAG = "{live}";

    /**
     * KEYS session, sessions; ARGV djKey ('' anonymous), started JSON, life ms, most sessions, id.
     * Returns {kind, json}: STARTED (written and listed), TAKEN or RESUMED (the current value), FULL.
     */
    private static final String REGISTER = """
            local current = redis.call('GET', KEYS[1])
            if not current then
              redis.call('SREM', KEYS[2], ARGV[5])
              if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[4]) then return {'FULL', ''} end
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              redis.call('SADD', KEYS[2], ARGV[5])
              return {'STARTED', ARGV[2]}
            end
            local dj = cjson.decode(current).djId
            local key = ''
            if dj then key = string.format('%d', dj) end
            if key ~= ARGV[1] then return {'TAKEN', current} end
            return {'RESUMED', current}
            """;

    /**
     * KEYS stage; ARGV session id, the session key prefix, life ms. Takes the stage when nobody
     * holds it, this session does, or its holder's session key is gone (that set is over).
     */
    private static final String CLAIM_STAGE = """
            local holder = redis.call('GET', KEYS[1])
            if (not holder) or holder == ARGV[1] or redis.call('EXISTS', ARGV[2] .. holder) == 0 then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;

    /** KEYS stage; ARGV the session key prefix. The holder, if its set is still live. */
    private static final String STAGE_HOLDER = """
            local holder = redis.call('GET', KEYS[1])
            if holder and redis.call('EXISTS', ARGV[1] .. holder) == 1 then return holder end
            return false
            """;

    /** KEYS[1]; ARGV expected, new, life ms. */
    private static final String COMPARE_AND_SET = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;

    /** KEYS session, broadcast, listeners, sessions; ARGV expected, id. */
    private static final String COMPARE_AND_DELETE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
              redis.call('SREM', KEYS[4], ARGV[2])
              return 1
            end
            return 0
            """;

    /** Lua: counts the dancers of hash KEYS[1] seen within ARGV[3] ms of ARGV[2] (now), forgetting the others. */
    /**
     * Unique dancers of a listeners hash: fields are "node|client" (each node counts its own
     * connections), values "connections:last seen ms". Connections held by a node whose heartbeat
     * key (node key prefix .. node) is gone are not counted: the node died (or cannot reach Redis),
     * and its dancers count again through the node they reconnect to (or if it comes back).
     * Entries closed for longer than the linger are removed.
     */
    private static final String COUNT = """
            local function count(key, now, linger, nodes)
              local all = redis.call('HGETALL', key)
              local alive = {}
              local dancers = {}
              local n = 0
              for i = 1, #all, 2 do
                local field = all[i]
                local v = all[i + 1]
                local sep = string.find(v, ':')
                local conns = tonumber(string.sub(v, 1, sep - 1))
                local bar = string.find(field, '|', 1, true)
                local node = string.sub(field, 1, bar - 1)
                local gone = false
                if conns > 0 then
                  if alive[node] == nil then alive[node] = redis.call('EXISTS', nodes .. node) == 1 end
                  gone = not alive[node]
                end
                if gone then
                  -- held by a node that stopped saying it is alive: not counted (kept, should it come back)
                elseif conns == 0 and now >= tonumber(string.sub(v, sep + 1)) + linger then
                  redis.call('HDEL', key, field)
                else
                  local client = string.sub(field, bar + 1)
                  if not dancers[client] then
                    dancers[client] = true
                    n = n + 1
                  end
                end
              end
              return n
            end
            """;

    /**
     * KEYS listeners, session; ARGV node|client, now, linger ms, life ms, node key prefix. Returns
     * {count after adding the dancer's connection, the session's JSON or ''}: a SUBSCRIBE's one round trip.
     */
    /**
     * Claims a key until {@code now + period} unless a claim holds at {@code now} (the caller's
     * clock decides, as in memory; the key's own expiry only cleans up). KEYS the claim; ARGV now
     * ms, period ms. Returns 1 when claimed.
     */
    private static final String CLAIM_UNTIL = """
            local now, period = tonumber(ARGV[1]), tonumber(ARGV[2])
            local until_ms = tonumber(redis.call('GET', KEYS[1]) or '0')
            if until_ms > now then return 0 end
            redis.call('SET', KEYS[1], tostring(now + period), 'PX', period)
            return 1
            """;

    private static final String ADD_LISTENER = COUNT + """
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            local conns = 0
            if v then conns = tonumber(string.sub(v, 1, string.find(v, ':') - 1)) end
            local now = tonumber(ARGV[2])
            redis.call('HSET', KEYS[1], ARGV[1], string.format('%d:%d', conns + 1, now))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            local session = redis.call('GET', KEYS[2])
            if not session then session = '' end
            return {count(KEYS[1], now, tonumber(ARGV[3]), ARGV[5]), session}
            """;

    /** KEYS listeners; ARGV node|client, now. */
    private static final String REMOVE_LISTENER = """
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            if v then
              local sep = string.find(v, ':')
              local conns = tonumber(string.sub(v, 1, sep - 1))
              if conns > 0 then conns = conns - 1 end
              redis.call('HSET', KEYS[1], ARGV[1], string.format('%d:%d', conns, tonumber(ARGV[2])))
            end
            return 0
            """;

    /**
     * KEYS listeners; ARGV node, now, life ms, then client, connections pairs: this node's
     * entries become exactly these (a dancer of this node not listed has left: closed now).
     */
    private static final String RESTORE_LISTENERS = """
            local prefix = ARGV[1] .. '|'
            local mine = {}
            for i = 4, #ARGV, 2 do mine[ARGV[i]] = ARGV[i + 1] end
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              local field = all[i]
              if string.sub(field, 1, #prefix) == prefix and mine[string.sub(field, #prefix + 1)] == nil
                  and string.sub(all[i + 1], 1, 2) ~= '0:' then
                redis.call('HSET', KEYS[1], field, '0:' .. ARGV[2])
              end
            end
            for client, connections in pairs(mine) do
              redis.call('HSET', KEYS[1], prefix .. client, connections .. ':' .. ARGV[2])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 0
            """;

    /** KEYS listeners of several sessions; ARGV now, linger ms, node key prefix. Returns their counts in order. */
    private static final String COUNT_MANY = COUNT + """
            local counts = {}
            for i = 1, #KEYS do counts[i] = count(KEYS[i], tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]) end
            return counts
            """;

    /** Sessions per count script: a few hundred dancers each, so one script keeps Redis busy well under a millisecond. */
    static final int COUNT_BATCH = 10;

    /** How long a node's heartbeat key lives: three missed heartbeats and its dancers no longer count. */
    static final Duration NODE_HEARTBEAT_LIFE = HEARTBEAT_INTERVAL.multipliedBy(3);

    @Inject
    RedisConnection redis;

    protected RedisLiveStateStore() {
        // for CDI
    }

    /** A store outside the container (benchmarks). */
    public RedisLiveStateStore(RedisConnection redis) {
        this.redis = redis;
    }

    /** This node's view: a mirror of the sessions it saw, and the live state while Redis is away. */
    private final InMemoryLiveStateStore local = new InMemoryLiveStateStore();
    /**
     * Sessions held here (see the class comment), with a count of their changes in memory: a
     * session is released once the value written is the latest (one changed while being written
     * is written again). Present in {@link #local}: live; absent: ended.
     */
    private final Map<String, Long> heldHere = new ConcurrentHashMap<>();
    /** Sessions whose dancers on this node joined or left in memory: their entries are written over at the catch-up. */
    private final Set<String> listenersToRestore = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean catchUpScheduled = new AtomicBoolean();
    /** Rounds of writing held sessions at once before leaving the rest to the next catch-up. */
    static final int WRITE_ROUNDS = 3;
    /**
     * This node's own dancers: per session, per client, its open connections. Written over this
     * node's entries when Redis returns, so dancers who came or left meanwhile (or all of them, if
     * Redis lost its data) count right again.
     */
    private final Map<String, Map<String, Integer>> ownListeners = new ConcurrentHashMap<>();
    private record ListSnapshot(Collection<LiveSession> sessions, long readAt) {
    }

    static final long LIST_FRESHNESS_MILLIS = 1_000;
    private volatile ListSnapshot list;
    /** Counts this node's starts and ends of sessions: a list read that began before one of them is not kept. */
    private final AtomicLong listChanges = new AtomicLong();
    private final AtomicBoolean renewing = new AtomicBoolean();
    /**
     * The value this node last read or wrote per session, with its parsed form: a change is tried
     * against it first (saving a read), and a value read again unchanged is not parsed again (the
     * list is read every second, and parsing a session's timestamps is most of what a read costs).
     */
    private record Seen(String json, LiveSession session) {
    }

    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();

    @PostConstruct
    void listen() {
        redis.onRecovery(this::writeBack);
    }

    @Override
    public Optional<LiveSession> session(String sessionId) {
        if (held(sessionId)) {
            return local.session(sessionId);
        }
        return redis.orElse(() -> {
            LiveSession session = read(sessionId);
            mirror(sessionId, session);
            return Optional.ofNullable(session);
        }, () -> local.session(sessionId));
    }

    private boolean held(String sessionId) {
        return heldHere.containsKey(sessionId);
    }

    /** What Redis holds for a session, into this node's mirror, unless this node's memory is its truth now. */
    private void mirror(String sessionId, LiveSession session) {
        if (!held(sessionId)) {
            local.remember(sessionId, session);
        }
    }

    /**
     * After a change in memory: the session is held here until written, at Redis's return or,
     * when Redis is there (a busy moment), in about a second.
     */
    private void hold(String sessionId) {
        heldHere.merge(sessionId, 1L, Long::sum);
        catchUpSoon();
    }

    private void catchUpSoon() {
        if (!redis.degraded() && catchUpScheduled.compareAndSet(false, true)) {
            redis.soon(this::catchUp);
        }
    }

    /** After a busy moment: what it left in memory reaches Redis (during an outage its return does this). */
    private void catchUp() {
        catchUpScheduled.set(false);
        if (redis.degraded()) {
            return;
        }
        try {
            int written = writeHeld();
            int sessions = restoreListeners(List.copyOf(listenersToRestore), listenersToRestore);
            if (written > 0) {
                forgetList();
            }
            LOG.fine(() -> "Caught up with Redis after a busy moment: " + written + " session(s), the dancers of " + sessions);
        } catch (RedisException e) {
            redis.failed(e);
        }
        if (!heldHere.isEmpty() || !listenersToRestore.isEmpty()) {
            catchUpSoon();
        }
    }

    /**
     * Writes the held sessions (live ones over Redis's, ended ones removed) and releases those not
     * changed meanwhile, in up to {@value #WRITE_ROUNDS} rounds. Returns how many were written.
     */
    private int writeHeld() {
        int written = 0;
        for (int round = 0; round < WRITE_ROUNDS && !heldHere.isEmpty(); round++) {
            for (Map.Entry<String, Long> entry : Map.copyOf(heldHere).entrySet()) {
                String sessionId = entry.getKey();
                Optional<LiveSession> session = local.session(sessionId);
                if (session.isPresent()) {
                    String json = WireFormat.toJson(session.get());
                    redis.client().getBucket(sessionKey(sessionId), StringCodec.INSTANCE).set(json, SESSION_LIFE);
                    redis.client().getSet(sessionsKey(), StringCodec.INSTANCE).add(sessionId);
                    lastSeen.put(sessionId, new Seen(json, session.get()));
                } else {
                    redis.client().getKeys().delete(sessionKey(sessionId), key("broadcast", sessionId), key("listeners", sessionId));
                    redis.client().getSet(sessionsKey(), StringCodec.INSTANCE).remove(sessionId);
                    lastSeen.remove(sessionId);
                }
                heldHere.remove(sessionId, entry.getValue()); // changed while written: written again
                written++;
            }
        }
        return written;
    }


    /**
     * The list is kept by this node and renewed in the background once it is older than
     * {@value #LIST_FRESHNESS_MILLIS} ms: every SUBSCRIBE shows it, and a crowd arriving at once
     * must neither wait for nor read every session for every dancer. Sessions started or ended by
     * this node show at once.
     */
    @Override
    public Collection<LiveSession> sessions() {
        return redis.orElse(() -> {
            ListSnapshot snapshot = list;
            if (snapshot == null) {
                long changes = listChanges.get();
                Collection<LiveSession> live = sharedSessions();
                return withHeld(listChanges.get() == changes ? renewList(live) : live);
            }
            if (System.nanoTime() - snapshot.readAt() > LIST_FRESHNESS_MILLIS * 1_000_000L && renewing.compareAndSet(false, true)) {
                long changes = listChanges.get();
                readList().whenComplete((live, error) -> {
                    renewing.set(false);
                    if (live != null && listChanges.get() == changes) {
                        renewList(live);
                    } else if (error != null && error.getCause() instanceof RedisException failure) {
                        redis.failed(failure);
                    }
                });
            }
            return withHeld(snapshot.sessions());
        }, local::sessions);
    }

    /** The shared list, with the sessions held here as this node has them. */
    private Collection<LiveSession> withHeld(Collection<LiveSession> shared) {
        if (heldHere.isEmpty()) {
            return shared;
        }
        Map<String, LiveSession> all = new LinkedHashMap<>();
        for (LiveSession session : shared) {
            if (!held(session.sessionId())) {
                all.put(session.sessionId(), session);
            }
        }
        for (String sessionId : heldHere.keySet()) {
            local.session(sessionId).ifPresent(session -> all.put(sessionId, session));
        }
        return List.copyOf(all.values());
    }

    /** This node started or ended a session (or wrote back an outage): the next call reads the list. */
    private void forgetList() {
        listChanges.incrementAndGet();
        list = null;
    }

    private Collection<LiveSession> renewList(Collection<LiveSession> live) {
        local.rememberOnly(live, this::held);
        list = new ListSnapshot(live, System.nanoTime());
        return live;
    }

    @Override
    public int sessionCount() {
        return redis.orElse(this::sharedSessionCount, local::sessionCount);
    }

    @Override
    public Registration register(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions,
                                 Long stageId) {
        if (held(sessionId)) {
            return registerHere(sessionId, djId, djName, connectionId, now, maxSessions, stageId);
        }
        return redis.orElse(() -> {
            Registration registration = sharedRegister(sessionId, djId, djName, connectionId, now, maxSessions, stageId);
            if (registration.kind() == RegistrationKind.STARTED || registration.kind() == RegistrationKind.RESUMED) {
                mirror(sessionId, registration.session());
            }
            return registration;
        }, () -> registerHere(sessionId, djId, djName, connectionId, now, maxSessions, stageId));
    }

    private Registration registerHere(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions,
                                      Long stageId) {
        Registration registration = local.register(sessionId, djId, djName, connectionId, now, maxSessions, stageId);
        if (registration.kind() == RegistrationKind.STARTED || registration.kind() == RegistrationKind.RESUMED) {
            hold(sessionId);
        }
        return registration;
    }

    @Override
    public Optional<Changed> change(String sessionId, UnaryOperator<LiveSession> change) {
        // A compare-and-set may apply the change more than once: the last attempt is the one made.
        AtomicReference<LiveSession> before = new AtomicReference<>();
        UnaryOperator<LiveSession> seen = session -> {
            before.set(session);
            return change.apply(session);
        };
        if (held(sessionId)) {
            return changeHere(sessionId, change);
        }
        return redis.orElse(() -> {
            Optional<LiveSession> changed = sharedUpdate(sessionId, seen);
            mirror(sessionId, changed.orElse(null));
            return changed.map(after -> new Changed(before.get(), after));
        }, () -> changeHere(sessionId, change));
    }

    private Optional<Changed> changeHere(String sessionId, UnaryOperator<LiveSession> change) {
        Optional<Changed> changed = local.change(sessionId, change);
        changed.ifPresent(s -> hold(sessionId));
        return changed;
    }

    @Override
    public Optional<LiveSession> removeIf(String sessionId, Predicate<LiveSession> condition) {
        if (held(sessionId)) {
            return removeHere(sessionId, condition);
        }
        return redis.orElse(() -> {
            Optional<LiveSession> removed = sharedRemoveIf(sessionId, condition);
            removed.ifPresent(s -> {
                mirror(sessionId, null);
                ownListeners.remove(sessionId);
            });
            return removed;
        }, () -> removeHere(sessionId, condition));
    }

    private Optional<LiveSession> removeHere(String sessionId, Predicate<LiveSession> condition) {
        Optional<LiveSession> removed = local.removeIf(sessionId, condition);
        removed.ifPresent(s -> {
            ownListeners.remove(sessionId);
            hold(sessionId);
        });
        return removed;
    }

    @Override
    public boolean tryBroadcastSlot(String sessionId, Instant now, Duration minInterval) {
        return redis.orElse(() -> sharedBroadcastSlot(sessionId, now, minInterval), () -> local.tryBroadcastSlot(sessionId, now, minInterval));
    }

    @Override
    public boolean firstSighting(String sessionId, String messageId, Instant now, Duration ttl) {
        return redis.orElse(() -> sharedFirstSighting(sessionId, messageId, now, ttl), () -> local.firstSighting(sessionId, messageId, now, ttl));
    }

    @Override
    public Joined addListener(String sessionId, String clientId, Instant now, Duration linger) {
        ownConnections(sessionId, clientId, 1);
        Joined joined = redis.orElse(() -> sharedAddListener(sessionId, clientId, now, linger), () -> {
            listenersMissed(sessionId);
            return local.addListener(sessionId, clientId, now, linger);
        });
        return held(sessionId) ? new Joined(joined.listeners(), local.session(sessionId)) : joined;
    }

    @Override
    public void removeListener(String sessionId, String clientId, Instant now) {
        ownConnections(sessionId, clientId, -1);
        redis.run(() -> sharedRemoveListener(sessionId, clientId, now), () -> {
            listenersMissed(sessionId);
            local.removeListener(sessionId, clientId, now);
        });
    }

    /** A dancer of this node joined or left in memory only: the session's entries are written over at the catch-up. */
    private void listenersMissed(String sessionId) {
        listenersToRestore.add(sessionId);
        catchUpSoon();
    }

    private void ownConnections(String sessionId, String clientId, int change) {
        ownListeners.compute(sessionId, (id, dancers) -> {
            Map<String, Integer> counted = dancers == null ? new ConcurrentHashMap<>() : dancers;
            counted.compute(clientId, (client, connections) -> {
                int open = (connections == null ? 0 : connections) + change;
                return open > 0 ? open : null;
            });
            return counted.isEmpty() ? null : counted;
        });
    }

    @Override
    public int listenerCount(String sessionId, Instant now, Duration linger) {
        return redis.orElse(() -> sharedListenerCounts(List.of(sessionId), now, linger).get(sessionId),
                () -> local.listenerCount(sessionId, now, linger));
    }

    @Override
    public Map<String, Integer> listenerCounts(Collection<String> sessionIds, Instant now, Duration linger) {
        return redis.orElse(() -> sharedListenerCounts(List.copyOf(sessionIds), now, linger), () -> local.listenerCounts(sessionIds, now, linger));
    }

    /**
     * Redis is back: what this node did meanwhile wins (its DJs went on playing), so the sessions
     * held here are written over the shared ones (or removed, if they ended), and this node's
     * dancers are written over its entries.
     */
    private void writeBack() {
        try {
            heartbeat(); // a Redis that restarted lost it, and without it this node's dancers do not count
            int written = writeHeld();
            Set<String> sessions = new HashSet<>(ownListeners.keySet());
            sessions.addAll(listenersToRestore);
            restoreListeners(sessions, listenersToRestore);
            int dancers = ownListeners.values().stream().mapToInt(Map::size).sum();
            forgetList();
            LOG.info(() -> "Redis is back: " + written + " session change(s) made meanwhile and this node's " + dancers
                    + " dancer(s) written back");
        } finally {
            if (!heldHere.isEmpty() || !listenersToRestore.isEmpty()) {
                catchUpSoon(); // changed again while being written, or Redis missed the write-back: what is left, soon
            }
        }
    }

    /**
     * This node's entries in these sessions' listener hashes become its dancers as counted here
     * (none: every entry of this node closed now), each then struck from {@code pending}. Returns how many sessions.
     */
    private int restoreListeners(Collection<String> sessionIds, Set<String> pending) {
        String now = String.valueOf(System.currentTimeMillis());
        for (String sessionId : sessionIds) {
            List<Object> args = new ArrayList<>(List.of(NodeIdentity.nodeId(), now, String.valueOf(SESSION_LIFE.toMillis())));
            ownListeners.getOrDefault(sessionId, Map.of()).forEach((client, connections) -> {
                args.add(client);
                args.add(String.valueOf(connections));
            });
            script(RESTORE_LISTENERS, RScript.ReturnType.INTEGER, List.of(key("listeners", sessionId)), args.toArray());
            pending.remove(sessionId);
        }
        return sessionIds.size();
    }


    private Collection<LiveSession> sharedSessions() {
        return readList().toCompletableFuture().join();
    }

    /** All live sessions in two round trips (the ids, then every value in one batch), without waiting. */
    private CompletionStage<List<LiveSession>> readList() {
        return redis.client().<String>getSet(sessionsKey(), StringCodec.INSTANCE).readAllAsync().thenCompose(ids -> {
            if (ids.isEmpty()) {
                return CompletableFuture.completedFuture(List.of());
            }
            RBatch batch = redis.client().createBatch(BatchOptions.defaults());
            List<String> order = new ArrayList<>(ids);
            List<RFuture<String>> values = new ArrayList<>(order.size());
            for (String id : order) {
                RBucketAsync<String> bucket = batch.getBucket(sessionKey(id), StringCodec.INSTANCE);
                values.add(bucket.getAsync());
            }
            return batch.executeAsync().thenApply(done -> {
                List<LiveSession> live = new ArrayList<>(order.size());
                List<String> gone = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    String json = values.get(i).toCompletableFuture().join();
                    if (json == null) {
                        gone.add(order.get(i));
                    } else {
                        live.add(seen(order.get(i), json));
                    }
                }
                lastSeen.keySet().retainAll(ids); // sessions ended elsewhere (dropping one only costs a read)
                if (!gone.isEmpty()) {
                    // Sessions whose 24 h ran out without anybody ending them.
                    redis.client().getSet(sessionsKey(), StringCodec.INSTANCE).removeAllAsync(gone);
                }
                return List.copyOf(live);
            });
        });
    }

    private int sharedSessionCount() {
        return redis.client().getSet(sessionsKey(), StringCodec.INSTANCE).size();
    }

    private Registration sharedRegister(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions,
                                        Long stageId) {
        String started = WireFormat.toJson(LiveSession.start(sessionId, djName, djId, connectionId, now, stageId));
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            List<String> result = script(REGISTER, RScript.ReturnType.MULTI, List.of(sessionKey(sessionId), sessionsKey()),
                    djId == null ? "" : djId.toString(), started, String.valueOf(SESSION_LIFE.toMillis()),
                    String.valueOf(maxSessions), sessionId);
            switch (result.get(0)) {
                case "FULL" -> {
                    return new Registration(RegistrationKind.FULL, null);
                }
                case "STARTED" -> {
                    forgetList();
                    return new Registration(RegistrationKind.STARTED, seen(sessionId, started));
                }
                case "TAKEN" -> {
                    return new Registration(RegistrationKind.TAKEN, seen(sessionId, result.get(1)));
                }
                default -> {
                    LiveSession resumed = seen(sessionId, result.get(1)).resumedBy(connectionId, djName, now);
                    if (compareAndSet(sessionId, result.get(1), resumed)) {
                        return new Registration(RegistrationKind.RESUMED, resumed);
                    }
                    // Changed (or ended) between the two steps: once more.
                }
            }
        }
        throw new IllegalStateException("Session " + sessionId + " changed too often to register");
    }

    private Optional<LiveSession> sharedUpdate(String sessionId, UnaryOperator<LiveSession> change) {
        Seen before = lastSeen.get(sessionId);
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            if (before == null) {
                String json = redis.client().<String>getBucket(sessionKey(sessionId), StringCodec.INSTANCE).get();
                if (json == null) {
                    lastSeen.remove(sessionId);
                    return Optional.empty();
                }
                before = new Seen(json, seen(sessionId, json));
            }
            LiveSession changed = change.apply(before.session());
            if (compareAndSet(sessionId, before.json(), changed)) {
                return Optional.of(changed);
            }
            before = null; // another node changed it: read it again
        }
        throw new IllegalStateException("Session " + sessionId + " changed too often to update");
    }

    private boolean compareAndSet(String sessionId, String expected, LiveSession value) {
        String json = WireFormat.toJson(value);
        Long written = script(COMPARE_AND_SET, RScript.ReturnType.INTEGER, List.of(sessionKey(sessionId)),
                expected, json, String.valueOf(SESSION_LIFE.toMillis()));
        if (written == 1L) {
            lastSeen.put(sessionId, new Seen(json, value));
            return true;
        }
        return false;
    }

    private Optional<LiveSession> sharedRemoveIf(String sessionId, Predicate<LiveSession> condition) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            String before = redis.client().<String>getBucket(sessionKey(sessionId), StringCodec.INSTANCE).get();
            if (before == null) {
                lastSeen.remove(sessionId);
                return Optional.empty();
            }
            LiveSession session = seen(sessionId, before);
            if (!condition.test(session)) {
                return Optional.empty();
            }
            Long removed = script(COMPARE_AND_DELETE, RScript.ReturnType.INTEGER,
                    List.of(sessionKey(sessionId), key("broadcast", sessionId), key("listeners", sessionId), sessionsKey()),
                    before, sessionId);
            if (removed == 1L) {
                lastSeen.remove(sessionId);
                forgetList();
                return Optional.of(session);
            }
        }
        throw new IllegalStateException("Session " + sessionId + " changed too often to remove");
    }

    private boolean sharedBroadcastSlot(String sessionId, Instant now, Duration minInterval) {
        return (Long) script(CLAIM_UNTIL, RScript.ReturnType.INTEGER, List.of(key("broadcast", sessionId)),
                String.valueOf(now.toEpochMilli()), String.valueOf(minInterval.toMillis())) == 1L;
    }

    private boolean sharedFirstSighting(String sessionId, String messageId, Instant now, Duration ttl) {
        return (Long) script(CLAIM_UNTIL, RScript.ReturnType.INTEGER, List.of(key("message", sessionId) + ":" + messageId),
                String.valueOf(now.toEpochMilli()), String.valueOf(ttl.toMillis())) == 1L;
    }

    private Joined sharedAddListener(String sessionId, String clientId, Instant now, Duration linger) {
        List<Object> result = script(ADD_LISTENER, RScript.ReturnType.MULTI, List.of(key("listeners", sessionId), sessionKey(sessionId)),
                NodeIdentity.nodeId() + '|' + clientId, String.valueOf(now.toEpochMilli()), String.valueOf(linger.toMillis()),
                String.valueOf(SESSION_LIFE.toMillis()), nodeKeyPrefix());
        int count = ((Number) result.get(0)).intValue();
        String json = (String) result.get(1);
        LiveSession session = json.isEmpty() ? null : seen(sessionId, json);
        if (session == null) {
            lastSeen.remove(sessionId);
        }
        mirror(sessionId, session);
        return new Joined(count, Optional.ofNullable(session));
    }

    private void sharedRemoveListener(String sessionId, String clientId, Instant now) {
        script(REMOVE_LISTENER, RScript.ReturnType.INTEGER, List.of(key("listeners", sessionId)),
                NodeIdentity.nodeId() + '|' + clientId, String.valueOf(now.toEpochMilli()));
    }

    private Map<String, Integer> sharedListenerCounts(List<String> sessionIds, Instant now, Duration linger) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int from = 0; from < sessionIds.size(); from += COUNT_BATCH) {
            List<String> batch = sessionIds.subList(from, Math.min(sessionIds.size(), from + COUNT_BATCH));
            List<Object> keys = batch.stream().<Object>map(id -> key("listeners", id)).toList();
            List<Long> answer = script(COUNT_MANY, RScript.ReturnType.MULTI, keys,
                    String.valueOf(now.toEpochMilli()), String.valueOf(linger.toMillis()), nodeKeyPrefix());
            for (int i = 0; i < batch.size(); i++) {
                counts.put(batch.get(i), answer.get(i).intValue());
            }
        }
        return counts;
    }

    /** This node is alive: the connections it counted in listener hashes still count. */
    @Override
    public void heartbeat() {
        redis.run(() -> redis.client().getBucket(nodeKeyPrefix() + NodeIdentity.nodeId(), StringCodec.INSTANCE)
                .set("1", NODE_HEARTBEAT_LIFE), () -> { });
    }

    /** {@code <prefix>:{live}:node:} + node id: a node's heartbeat (same hash tag as the listener hashes the scripts read). */
    private String nodeKeyPrefix() {
        return redis.key(TAG, "node", "");
    }

    private LiveSession read(String sessionId) {
        String json = redis.client().<String>getBucket(sessionKey(sessionId), StringCodec.INSTANCE).get();
        if (json == null) {
            lastSeen.remove(sessionId);
            return null;
        }
        return seen(sessionId, json);
    }

    /** The session a value read from Redis holds: parsed only when it differs from the one last seen. */
    private LiveSession seen(String sessionId, String json) {
        Seen last = lastSeen.get(sessionId);
        if (last != null && last.json().equals(json)) {
            return last.session();
        }
        LiveSession session = WireFormat.fromJson(json, LiveSession.class);
        lastSeen.put(sessionId, new Seen(json, session));
        return session;
    }

    private <R> R script(String lua, RScript.ReturnType returns, List<Object> keys, Object... values) {
        return redis.client().getScript(StringCodec.INSTANCE).eval(String.valueOf(keys.get(0)), RScript.Mode.READ_WRITE, lua, returns, keys, values);
    }

    @Override
    public boolean claimStage(long stageId, String sessionId) {
        if (held(sessionId)) {
            return local.claimStage(stageId, sessionId);
        }
        return redis.orElse(() -> {
            Long claimed = script(CLAIM_STAGE, RScript.ReturnType.INTEGER, List.of(key("stage", Long.toString(stageId))),
                    sessionId, key("session", ""), String.valueOf(SESSION_LIFE.toMillis()));
            return claimed != null && claimed == 1L;
        }, () -> local.claimStage(stageId, sessionId));
    }

    @Override
    public Optional<String> stageHolder(long stageId) {
        return redis.orElse(() -> {
            Object holder = script(STAGE_HOLDER, RScript.ReturnType.VALUE, List.of(key("stage", Long.toString(stageId))),
                    key("session", ""));
            return Optional.ofNullable(holder).map(String::valueOf);
        }, () -> local.stageHolder(stageId));
    }

    private String sessionKey(String sessionId) {
        return key("session", sessionId);
    }

    private String sessionsKey() {
        return redis.key(TAG, "sessions");
    }

    /**
     * {@code <prefix>:{live}:<kind>:<session id>}. One hash tag for all live keys: the scripts that
     * touch a session and the list of sessions together also run on Redis Cluster (on one shard,
     * which a dance event never outgrows).
     */
    private String key(String kind, String sessionId) {
        return redis.key(TAG, kind, sessionId);
    }
}
