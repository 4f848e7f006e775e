package stream.pika.live.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import stream.pika.live.entity.LiveSession;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** The live state of a single node, in memory: the default when no Redis is configured. */
@ApplicationScoped
@Typed(InMemoryLiveStateStore.class)
public class InMemoryLiveStateStore implements LiveStateStore {

    /** Message ids kept for dedupe, oldest dropped first beyond this. */
    static final int MAX_MESSAGE_IDS = 10_000;

    private static final class Listener {
        int connections;
        Instant lastSeen;
    }

    /**
     * A session's dancers. Counting forgets those gone longer than the linger, but walks the map
     * only once someone can have expired: with the whole map walked on every SUBSCRIBE, 10,000
     * dancers reconnecting to one set cost the node 10,000 steps each.
     */
    private static final class Dancers {
        final ConcurrentHashMap<String, Listener> byClient = new ConcurrentHashMap<>();
        /** The earliest last sighting among dancers without a connection (or later); none: MAX. */
        final AtomicReference<Instant> earliestGone = new AtomicReference<>(Instant.MAX);

        /** Called after a dancer's last connection closed at {@code at}. */
        void gone(Instant at) {
            earliestGone.accumulateAndGet(at, (a, b) -> a.isBefore(b) ? a : b);
        }

        int count(Instant now, Duration linger) {
            Instant earliest = earliestGone.get();
            if (earliest.equals(Instant.MAX) || now.isBefore(earliest.plus(linger))) {
                return byClient.size(); // nobody can have expired yet
            }
            // Reset first: a dancer leaving during the walk is either seen by it or reports itself after it.
            earliestGone.set(Instant.MAX);
            for (String clientId : byClient.keySet()) {
                byClient.computeIfPresent(clientId, (id, entry) -> {
                    if (entry.connections > 0) {
                        return entry;
                    }
                    if (!now.isBefore(entry.lastSeen.plus(linger))) {
                        return null;
                    }
                    gone(entry.lastSeen);
                    return entry;
                });
            }
            return byClient.size();
        }
    }

    private final ConcurrentHashMap<String, LiveSession> sessions = new ConcurrentHashMap<>();
    /** Stage id to the live session that holds it. */
    private final ConcurrentHashMap<Long, String> stageHolders = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastBroadcast = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Dancers> listeners = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, Instant> messageIds = new LinkedHashMap<>();
    /** Counts the changes of {@link #sessions}: the list is copied again only after one (every SUBSCRIBE shows it). */
    private final AtomicLong version = new AtomicLong();

    private record Listed(long version, List<LiveSession> sessions) {
    }

    private volatile Listed listed = new Listed(-1, List.of());

    /** As a mirror of a shared store: what the shared store holds for this session now (null: not live). */
    void remember(String sessionId, LiveSession session) {
        LiveSession before = session == null ? sessions.remove(sessionId) : sessions.put(sessionId, session);
        if (!Objects.equals(before, session)) {
            version.incrementAndGet();
        }
    }

    /** As a mirror of a shared store: exactly these sessions are live, apart from those {@code kept} as they are. */
    void rememberOnly(Collection<LiveSession> live, Predicate<String> kept) {
        Map<String, LiveSession> now = new java.util.HashMap<>();
        live.forEach(s -> now.put(s.sessionId(), s));
        sessions.keySet().removeIf(id -> !now.containsKey(id) && !kept.test(id));
        now.forEach((id, session) -> {
            if (!kept.test(id)) {
                sessions.put(id, session);
            }
        });
        version.incrementAndGet();
    }

    @Override
    public Optional<LiveSession> session(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    @Override
    public Collection<LiveSession> sessions() {
        long now = version.get();
        Listed last = listed;
        if (last.version() == now) {
            return last.sessions();
        }
        List<LiveSession> copy = List.copyOf(sessions.values());
        listed = new Listed(now, copy);
        return copy;
    }

    @Override
    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public synchronized Registration register(String sessionId, Long djId, String djName, String connectionId,
                                              Instant now, int maxSessions, Long stageId) {
        // Synchronised: the capacity check and the insert must be one step.
        LiveSession live = sessions.get(sessionId);
        if (live == null) {
            if (sessions.size() >= maxSessions) {
                return new Registration(RegistrationKind.FULL, null);
            }
            LiveSession started = LiveSession.start(sessionId, djName, djId, connectionId, now, stageId);
            sessions.put(sessionId, started);
            version.incrementAndGet();
            return new Registration(RegistrationKind.STARTED, started);
        }
        if (!live.belongsTo(djId)) {
            return new Registration(RegistrationKind.TAKEN, live);
        }
        LiveSession resumed = live.resumedBy(connectionId, djName, now);
        sessions.put(sessionId, resumed);
        version.incrementAndGet();
        return new Registration(RegistrationKind.RESUMED, resumed);
    }

    @Override
    public boolean claimStage(long stageId, String sessionId) {
        return sessionId.equals(stageHolders.compute(stageId,
                (stage, holder) -> holder == null || holder.equals(sessionId) || !sessions.containsKey(holder) ? sessionId : holder));
    }

    @Override
    public Optional<String> stageHolder(long stageId) {
        return Optional.ofNullable(stageHolders.get(stageId)).filter(sessions::containsKey);
    }

    @Override
    public Optional<Changed> change(String sessionId, UnaryOperator<LiveSession> change) {
        AtomicReference<LiveSession> before = new AtomicReference<>();
        LiveSession after = sessions.computeIfPresent(sessionId, (id, session) -> {
            before.set(session);
            return change.apply(session);
        });
        if (after != null) {
            version.incrementAndGet();
        }
        return after == null ? Optional.empty() : Optional.of(new Changed(before.get(), after));
    }

    @Override
    public Optional<LiveSession> removeIf(String sessionId, Predicate<LiveSession> condition) {
        AtomicReference<LiveSession> removed = new AtomicReference<>();
        sessions.computeIfPresent(sessionId, (id, session) -> {
            if (condition.test(session)) {
                removed.set(session);
                return null;
            }
            return session;
        });
        if (removed.get() != null) {
            version.incrementAndGet();
            lastBroadcast.remove(sessionId);
            listeners.remove(sessionId);
        }
        return Optional.ofNullable(removed.get());
    }

    @Override
    public boolean tryBroadcastSlot(String sessionId, Instant now, Duration minInterval) {
        AtomicReference<Boolean> granted = new AtomicReference<>(false);
        lastBroadcast.compute(sessionId, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(minInterval))) {
                granted.set(true);
                return now;
            }
            return last;
        });
        return granted.get();
    }

    @Override
    public synchronized boolean firstSighting(String sessionId, String messageId, Instant now, Duration ttl) {
        Iterator<Map.Entry<String, Instant>> oldest = messageIds.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Instant> entry = oldest.next();
            if (messageIds.size() > MAX_MESSAGE_IDS || !now.isBefore(entry.getValue().plus(ttl))) {
                oldest.remove();
            } else {
                break;
            }
        }
        return messageIds.putIfAbsent(sessionId + '|' + messageId, now) == null;
    }

    @Override
    public Joined addListener(String sessionId, String clientId, Instant now, Duration linger) {
        Dancers dancers = listeners.computeIfAbsent(sessionId, id -> new Dancers());
        dancers.byClient.compute(clientId, (id, listener) -> {
            Listener entry = listener == null ? new Listener() : listener;
            entry.connections++;
            entry.lastSeen = now;
            return entry;
        });
        return new Joined(listenerCount(sessionId, now, linger), session(sessionId));
    }

    @Override
    public void removeListener(String sessionId, String clientId, Instant now) {
        Dancers dancers = listeners.get(sessionId);
        if (dancers != null) {
            Listener left = dancers.byClient.computeIfPresent(clientId, (id, entry) -> {
                entry.connections = Math.max(0, entry.connections - 1);
                entry.lastSeen = now;
                return entry;
            });
            if (left != null) {
                dancers.gone(now); // after the entry changed: see Dancers.count
            }
        }
    }

    @Override
    public int listenerCount(String sessionId, Instant now, Duration linger) {
        Dancers dancers = listeners.get(sessionId);
        return dancers == null ? 0 : dancers.count(now, linger);
    }
}
