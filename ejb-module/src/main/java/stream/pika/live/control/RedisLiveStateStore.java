package stream.pika.live.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RBucketAsync;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;
import stream.pika.live.entity.LiveSession;
import stream.pika.platform.control.RedisConnection;
import stream.pika.platform.control.WireFormat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Live state in Redis, for several nodes: each live session is a JSON string under
 * {@code <prefix>:live:session:{id}} (24 h, renewed by every change), listed in
 * {@code <prefix>:live:sessions}; its dancers in a hash {@code live:listeners:{id}}
 * (client id → "connections:last seen ms"), its broadcast rule and message ids in keys that
 * expire on their own. Changes that nodes may race on are Lua scripts or compare-and-set
 * (a change is applied to the value read and written only if nobody wrote in between). The
 * keys of one session share a hash tag, so the scripts also run on Redis Cluster.
 *
 * <p>While Redis is away (a call failed; {@link RedisConnection} probes for its return) the node
 * works from its own view, a mirror of the sessions it saw, so its DJs and dancers go on; what it
 * changed meanwhile is written back when Redis returns.
 */
@ApplicationScoped
@Typed(RedisLiveStateStore.class)
public class RedisLiveStateStore implements LiveStateStore {

    static final Duration SESSION_LIFE = Duration.ofHours(24);
    private static final Logger LOG = Logger.getLogger(RedisLiveStateStore.class.getName());
    private static final int CAS_ATTEMPTS = 20;

    /** KEYS[1] session; ARGV djKey ('' anonymous), started JSON, life ms. Returns {kind, json}. */
    private static final String REGISTER = """
            local current = redis.call('GET', KEYS[1])
            if not current then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return {'STARTED', ARGV[2]}
            end
            local dj = cjson.decode(current).djId
            local key = ''
            if dj then key = string.format('%d', dj) end
            if key ~= ARGV[1] then return {'TAKEN', current} end
            return {'RESUMED', current}
            """;

    /** KEYS[1]; ARGV expected, new, life ms. */
    private static final String COMPARE_AND_SET = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
              return 1
            end
            return 0
            """;

    /** KEYS session, broadcast, listeners; ARGV expected. */
    private static final String COMPARE_AND_DELETE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
              return 1
            end
            return 0
            """;

    /** KEYS listeners; ARGV client, now, linger ms, life ms. Returns 1 when the dancer was not counted. */
    private static final String ADD_LISTENER = """
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            local conns, last = 0, 0
            if v then
              local sep = string.find(v, ':')
              conns = tonumber(string.sub(v, 1, sep - 1))
              last = tonumber(string.sub(v, sep + 1))
            end
            local now = tonumber(ARGV[2])
            local counted = conns > 0 or (v and now < last + tonumber(ARGV[3]))
            redis.call('HSET', KEYS[1], ARGV[1], string.format('%d:%d', conns + 1, now))
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            if counted then return 0 end
            return 1
            """;

    /** KEYS listeners; ARGV client, now. */
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

    /** KEYS listeners; ARGV now, linger ms. Forgets dancers gone longer than the linger, counts the rest. */
    private static final String COUNT_LISTENERS = """
            local all = redis.call('HGETALL', KEYS[1])
            local now, linger, count = tonumber(ARGV[1]), tonumber(ARGV[2]), 0
            for i = 1, #all, 2 do
              local v = all[i + 1]
              local sep = string.find(v, ':')
              local conns = tonumber(string.sub(v, 1, sep - 1))
              local last = tonumber(string.sub(v, sep + 1))
              if conns == 0 and now >= last + linger then
                redis.call('HDEL', KEYS[1], all[i])
              else
                count = count + 1
              end
            end
            return count
            """;

    @Inject
    RedisConnection redis;

    /** This node's view: a mirror of the sessions it saw, and the live state while Redis is away. */
    private final InMemoryLiveStateStore local = new InMemoryLiveStateStore();
    /** Sessions this node changed (or ended) while Redis was away, written back when it returns. */
    private final Set<String> changedWhileAway = ConcurrentHashMap.newKeySet();
    private final Set<String> endedWhileAway = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void listen() {
        redis.onRecovery(this::writeBack);
    }

    @Override
    public Optional<LiveSession> session(String sessionId) {
        return redis.orElse(() -> {
            LiveSession session = read(sessionId);
            local.remember(sessionId, session);
            return Optional.ofNullable(session);
        }, () -> local.session(sessionId));
    }

    @Override
    public Collection<LiveSession> sessions() {
        return redis.orElse(() -> {
            Collection<LiveSession> live = sharedSessions();
            local.rememberOnly(live);
            return live;
        }, local::sessions);
    }

    @Override
    public int sessionCount() {
        return redis.orElse(this::sharedSessionCount, local::sessionCount);
    }

    @Override
    public Registration register(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions) {
        return redis.orElse(() -> {
            Registration registration = sharedRegister(sessionId, djId, djName, connectionId, now, maxSessions);
            if (registration.kind() == RegistrationKind.STARTED || registration.kind() == RegistrationKind.RESUMED) {
                local.remember(sessionId, registration.session());
            }
            return registration;
        }, () -> {
            Registration registration = local.register(sessionId, djId, djName, connectionId, now, maxSessions);
            changedWhileAway.add(sessionId);
            return registration;
        });
    }

    @Override
    public Optional<LiveSession> update(String sessionId, UnaryOperator<LiveSession> change) {
        return redis.orElse(() -> {
            Optional<LiveSession> changed = sharedUpdate(sessionId, change);
            local.remember(sessionId, changed.orElse(null));
            return changed;
        }, () -> {
            Optional<LiveSession> changed = local.update(sessionId, change);
            changed.ifPresent(s -> changedWhileAway.add(sessionId));
            return changed;
        });
    }

    @Override
    public Optional<LiveSession> removeIf(String sessionId, Predicate<LiveSession> condition) {
        return redis.orElse(() -> {
            Optional<LiveSession> removed = sharedRemoveIf(sessionId, condition);
            removed.ifPresent(s -> local.remember(sessionId, null));
            return removed;
        }, () -> {
            Optional<LiveSession> removed = local.removeIf(sessionId, condition);
            removed.ifPresent(s -> {
                changedWhileAway.remove(sessionId);
                endedWhileAway.add(sessionId);
            });
            return removed;
        });
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
    public boolean addListener(String sessionId, String clientId, Instant now, Duration linger) {
        return redis.orElse(() -> sharedAddListener(sessionId, clientId, now, linger), () -> local.addListener(sessionId, clientId, now, linger));
    }

    @Override
    public void removeListener(String sessionId, String clientId, Instant now) {
        redis.run(() -> sharedRemoveListener(sessionId, clientId, now), () -> local.removeListener(sessionId, clientId, now));
    }

    @Override
    public int listenerCount(String sessionId, Instant now, Duration linger) {
        return redis.orElse(() -> sharedListenerCount(sessionId, now, linger), () -> local.listenerCount(sessionId, now, linger));
    }

    /**
     * Redis is back: what this node did meanwhile wins (its DJs went on playing), so its changed
     * sessions are written over the shared ones and the sessions it ended are removed.
     */
    private void writeBack() {
        int written = 0;
        for (String sessionId : List.copyOf(changedWhileAway)) {
            changedWhileAway.remove(sessionId);
            Optional<LiveSession> session = local.session(sessionId);
            if (session.isPresent()) {
                redis.client().getBucket(sessionKey(sessionId), StringCodec.INSTANCE).set(WireFormat.toJson(session.get()), SESSION_LIFE);
                redis.client().getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).add(sessionId);
                written++;
            }
        }
        for (String sessionId : List.copyOf(endedWhileAway)) {
            endedWhileAway.remove(sessionId);
            redis.client().getBucket(sessionKey(sessionId)).delete();
            redis.client().getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).remove(sessionId);
            written++;
        }
        int total = written;
        LOG.info(() -> "Redis is back: " + total + " session change(s) made meanwhile written back");
    }


    private Collection<LiveSession> sharedSessions() {
        Set<String> ids = redis.client().<String>getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).readAll();
        if (ids.isEmpty()) {
            return List.of();
        }
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        List<String> order = new ArrayList<>(ids);
        List<org.redisson.api.RFuture<String>> values = new ArrayList<>(order.size());
        for (String id : order) {
            RBucketAsync<String> bucket = batch.getBucket(sessionKey(id), StringCodec.INSTANCE);
            values.add(bucket.getAsync());
        }
        batch.execute();
        List<LiveSession> live = new ArrayList<>(order.size());
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            String json = values.get(i).toCompletableFuture().join();
            if (json == null) {
                gone.add(order.get(i));
            } else {
                live.add(WireFormat.fromJson(json, LiveSession.class));
            }
        }
        if (!gone.isEmpty()) {
            // Sessions whose 24 h ran out without anybody ending them.
            redis.client().getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).removeAll(gone);
        }
        return live;
    }

    private int sharedSessionCount() {
        return redis.client().getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).size();
    }

    private Registration sharedRegister(String sessionId, Long djId, String djName, String connectionId, Instant now, int maxSessions) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            boolean known = read(sessionId) != null;
            if (!known && sharedSessionCount() >= maxSessions) {
                return new Registration(RegistrationKind.FULL, null);
            }
            String started = WireFormat.toJson(LiveSession.start(sessionId, djName, djId, connectionId, now));
            List<String> result = script(REGISTER, RScript.ReturnType.MULTI, List.of(sessionKey(sessionId)),
                    djId == null ? "" : djId.toString(), started, String.valueOf(SESSION_LIFE.toMillis()));
            LiveSession session = WireFormat.fromJson(result.get(1), LiveSession.class);
            switch (result.get(0)) {
                case "STARTED" -> {
                    redis.client().getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).add(sessionId);
                    return new Registration(RegistrationKind.STARTED, session);
                }
                case "TAKEN" -> {
                    return new Registration(RegistrationKind.TAKEN, session);
                }
                default -> {
                    Optional<LiveSession> resumed = sharedUpdate(sessionId, s -> s.resumedBy(connectionId, djName, now));
                    if (resumed.isPresent()) {
                        return new Registration(RegistrationKind.RESUMED, resumed.get());
                    }
                    // Ended between the two steps: start it again.
                }
            }
        }
        throw new IllegalStateException("Session " + sessionId + " changed too often to register");
    }

    private Optional<LiveSession> sharedUpdate(String sessionId, UnaryOperator<LiveSession> change) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            String before = redis.client().<String>getBucket(sessionKey(sessionId), StringCodec.INSTANCE).get();
            if (before == null) {
                return Optional.empty();
            }
            LiveSession changed = change.apply(WireFormat.fromJson(before, LiveSession.class));
            String after = WireFormat.toJson(changed);
            Long written = script(COMPARE_AND_SET, RScript.ReturnType.INTEGER, List.of(sessionKey(sessionId)),
                    before, after, String.valueOf(SESSION_LIFE.toMillis()));
            if (written == 1L) {
                return Optional.of(changed);
            }
        }
        throw new IllegalStateException("Session " + sessionId + " changed too often to update");
    }

    private Optional<LiveSession> sharedRemoveIf(String sessionId, Predicate<LiveSession> condition) {
        for (int attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
            String before = redis.client().<String>getBucket(sessionKey(sessionId), StringCodec.INSTANCE).get();
            if (before == null) {
                return Optional.empty();
            }
            LiveSession session = WireFormat.fromJson(before, LiveSession.class);
            if (!condition.test(session)) {
                return Optional.empty();
            }
            Long removed = script(COMPARE_AND_DELETE, RScript.ReturnType.INTEGER,
                    List.of(sessionKey(sessionId), key("broadcast", sessionId), key("listeners", sessionId)), before);
            if (removed == 1L) {
                redis.client().getSet(redis.key("live", "sessions"), StringCodec.INSTANCE).remove(sessionId);
                return Optional.of(session);
            }
        }
        throw new IllegalStateException("Session " + sessionId + " changed too often to remove");
    }

    private boolean sharedBroadcastSlot(String sessionId, Instant now, Duration minInterval) {
        return redis.client().<String>getBucket(key("broadcast", sessionId), StringCodec.INSTANCE)
                .setIfAbsent(String.valueOf(now.toEpochMilli()), minInterval);
    }

    private boolean sharedFirstSighting(String sessionId, String messageId, Instant now, Duration ttl) {
        return redis.client().<String>getBucket(key("message", sessionId) + ":" + messageId, StringCodec.INSTANCE)
                .setIfAbsent("1", ttl);
    }

    private boolean sharedAddListener(String sessionId, String clientId, Instant now, Duration linger) {
        Long discovered = script(ADD_LISTENER, RScript.ReturnType.INTEGER, List.of(key("listeners", sessionId)),
                clientId, String.valueOf(now.toEpochMilli()), String.valueOf(linger.toMillis()), String.valueOf(SESSION_LIFE.toMillis()));
        return discovered == 1L;
    }

    private void sharedRemoveListener(String sessionId, String clientId, Instant now) {
        script(REMOVE_LISTENER, RScript.ReturnType.INTEGER, List.of(key("listeners", sessionId)), clientId,
                String.valueOf(now.toEpochMilli()));
    }

    private int sharedListenerCount(String sessionId, Instant now, Duration linger) {
        Long count = script(COUNT_LISTENERS, RScript.ReturnType.INTEGER, List.of(key("listeners", sessionId)),
                String.valueOf(now.toEpochMilli()), String.valueOf(linger.toMillis()));
        return count.intValue();
    }

    private LiveSession read(String sessionId) {
        String json = redis.client().<String>getBucket(sessionKey(sessionId), StringCodec.INSTANCE).get();
        return json == null ? null : WireFormat.fromJson(json, LiveSession.class);
    }

    private <R> R script(String lua, RScript.ReturnType returns, List<Object> keys, Object... values) {
        return redis.client().getScript(StringCodec.INSTANCE).eval(String.valueOf(keys.get(0)), RScript.Mode.READ_WRITE, lua, returns, keys, values);
    }

    private String sessionKey(String sessionId) {
        return key("session", sessionId);
    }

    /** {@code <prefix>:live:<kind>:{<session id>}}: the braces make one session's keys one cluster slot. */
    private String key(String kind, String sessionId) {
        return redis.key("live", kind, "{" + sessionId + "}");
    }
}
