package stream.pika.crate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When track matching runs by itself: every {@code PIKA_CRATE_MATCHING_INTERVAL} (5 minutes) on
 * every node, and shortly after a set ends ({@code PIKA_CRATE_SESSION_END_DELAY}, once its plays
 * are written). Whichever node asks first runs it; the others find the job's lease taken.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MatchingSchedule {

    private static final Logger LOG = Logger.getLogger(MatchingSchedule.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MatchingRuns runs;

    @Inject
    @ConfigProperty(name = "pika.crate.matching-interval", defaultValue = "PT5M")
    Duration interval;

    @Inject
    @ConfigProperty(name = "pika.crate.session-end-delay", defaultValue = "PT30S")
    Duration sessionEndDelay;

    private final AtomicBoolean afterSessionEnd = new AtomicBoolean();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(() -> run("schedule"), interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** When the schedule runs the job next on this node. */
    public java.time.Instant nextRunAt() {
        return java.time.Instant.now().plusMillis(Math.max(0, task.getDelay(TimeUnit.MILLISECONDS)));
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    /**
     * A set ended: a run soon (several sets ending together make one run). While another run
     * holds the job (a scheduled one, another node's) it is asked again after the same delay, so
     * the set's plays are not left for the next scheduled run. Never blocks.
     */
    public void sessionEnded() {
        if (afterSessionEnd.compareAndSet(false, true)) {
            scheduler.schedule(this::afterSessionEnd, sessionEndDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void afterSessionEnd() {
        afterSessionEnd.set(false);
        if (!run("session end")) {
            sessionEnded();
        }
    }

    /** Whether a run started (or failed to: the next one will try again); false while another run holds the job. */
    private boolean run(String reason) {
        try {
            return runs.startIfIdle(reason).isPresent();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Track matching (" + reason + ") could not start", e);
            return true;
        }
    }
}
