package stream.pika.admin.boundary;

import jakarta.annotation.security.RolesAllowed;
import org.redisson.api.redisnode.RedisNode;
import org.redisson.api.redisnode.RedisNodes;
import stream.pika.admin.control.NodeVitalsBoard;
import stream.pika.admin.entity.NodeVitals;
import stream.pika.admin.entity.PlatformHealth;
import stream.pika.crate.boundary.MatchingRuns;
import stream.pika.crate.boundary.MatchingSchedule;
import stream.pika.crate.entity.MatchingOverview;
import stream.pika.identity.entity.Roles;
import stream.pika.platform.control.DatabaseSchema;
import stream.pika.push.boundary.PushSubscriptions;
import stream.pika.push.entity.PushReport;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import stream.pika.admin.entity.HealthReport;
import stream.pika.live.boundary.LiveSessions;
import stream.pika.platform.control.BuildInfo;
import stream.pika.platform.control.RedisConnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The health figures of this node, for {@code GET /health} and the readiness probe. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@jakarta.annotation.security.DeclareRoles(Roles.ADMIN)
public class SystemHealth {

    private static final Logger LOG = Logger.getLogger(SystemHealth.class.getName());
    private static final int QUERY_TIMEOUT_MILLIS = 2_000;

    @PersistenceContext(unitName = "pika")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    LiveSessions liveSessions;

    @Inject
    RedisConnection redis;

    @Inject
    NodeVitalsBoard board;

    @Inject
    PushSubscriptions pushSubscriptions;

    @Inject
    MatchingRuns matchingRuns;

    @Inject
    MatchingSchedule matchingSchedule;

    public HealthReport report() {
        try {
            em.createNativeQuery("SELECT 1")
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS)
                    .getSingleResult();
        } catch (PersistenceException e) {
            LOG.log(Level.WARNING, "Health check: database unavailable: {0}", e.getMessage());
            return new HealthReport(false, BuildInfo.VERSION, clock.instant(), null, redisState().orElse(null));
        }
        String redisState = redisState().orElse(null);
        Long live = "unavailable".equals(redisState) ? null : (long) liveSessions.liveCount();
        return new HealthReport(true, BuildInfo.VERSION, clock.instant(), live, redisState);
    }

    /**
     * The whole platform for the admin console: each node's vitals and the last hour, live sets,
     * the last 24 hours of pushes, Redis, the database and the track-matching job.
     */
    @RolesAllowed(Roles.ADMIN)
    public PlatformHealth platform() {
        Instant now = clock.instant();
        boolean databaseUp = true;
        Integer connections = null;
        try {
            connections = ((Number) em.createNativeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")
                    .setHint("jakarta.persistence.query.timeout", QUERY_TIMEOUT_MILLIS).getSingleResult()).intValue();
        } catch (PersistenceException e) {
            databaseUp = false;
        }
        String redisState = redisState().orElse(null);
        Long live = "unavailable".equals(redisState) ? null : (long) liveSessions.liveCount();
        PushReport pushes = databaseUp ? pushSubscriptions.tallySince(now.minus(Duration.ofHours(24))) : PushReport.none();
        MatchingOverview matching = databaseUp ? matchingRuns.overview(matchingSchedule.nextRunAt()) : null;
        return new PlatformHealth(now, board.nodes(now), perMinute(board.lastHour(now)), live, pushes.sent(), pushes.failed(),
                redisState, "connected".equals(redisState) ? redisMemory() : null, databaseUp, connections,
                DatabaseSchema.MAX_POOL_SIZE, matching);
    }

    /** All nodes per minute: for each minute, the sum over nodes of each node's last sample in it. */
    static List<PlatformHealth.VitalsPoint> perMinute(List<NodeVitals> samples) {
        Map<Instant, Map<String, NodeVitals>> minutes = new TreeMap<>();
        for (NodeVitals sample : samples) {
            minutes.computeIfAbsent(sample.sampledAt().truncatedTo(ChronoUnit.MINUTES), m -> new HashMap<>()).put(sample.node(), sample);
        }
        List<PlatformHealth.VitalsPoint> points = new ArrayList<>();
        minutes.forEach((minute, nodes) -> points.add(new PlatformHealth.VitalsPoint(minute,
                nodes.values().stream().mapToInt(NodeVitals::connections).sum(),
                Math.round(nodes.values().stream().mapToDouble(NodeVitals::messagesPerSecond).sum() * 10) / 10.0)));
        return points;
    }

    private String redisMemory() {
        try {
            return redis.client().getRedisNodes(RedisNodes.SINGLE).getInstance().info(RedisNode.InfoSection.MEMORY).get("used_memory_human");
        } catch (RuntimeException e) {
            LOG.fine(() -> "Redis memory not read: " + e.getMessage());
            return null;
        }
    }

    /** "connected" or "unavailable"; empty without Redis (the original's health shape has no such field). */
    public Optional<String> redisState() {
        if (!redis.enabled()) {
            return Optional.empty();
        }
        return Optional.of(redis.answers() ? "connected" : "unavailable");
    }
}
