package stream.pika.admin.boundary;

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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The health figures of this node, for {@code GET /health} and the readiness probe. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
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

    /** "connected" or "unavailable"; empty without Redis (the original's health shape has no such field). */
    public Optional<String> redisState() {
        if (!redis.enabled()) {
            return Optional.empty();
        }
        return Optional.of(redis.answers() ? "connected" : "unavailable");
    }
}
