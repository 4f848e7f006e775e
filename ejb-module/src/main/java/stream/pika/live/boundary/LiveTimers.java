package stream.pika.live.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import stream.pika.live.control.LiveSettings;
import stream.pika.live.control.LiveStateStore;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The clocks of live sessions: the reconnect-grace and expiry sweep, listener counts, and this node's heartbeat. */
@Startup
@Singleton
public class LiveTimers {

    /** How soon a node that missed a DJ hand-over (Redis away) catches up with it. */
    private static final Duration STAGE_RELAYS = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(LiveTimers.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SessionSweeper sweeper;

    @Inject
    Audience audience;

    @Inject
    LiveSettings settings;

    private List<ScheduledFuture<?>> tasks = List.of();

    @PostConstruct
    void start() {
        tasks = List.of(
                every(settings.sweepInterval(), sweeper::sweep, "session sweep"),
                every(settings.listenerCountInterval(), audience::publishListenerCounts, "listener counts"),
                every(STAGE_RELAYS, audience::reconcileStages, "stage relays"),
                every(Duration.ZERO, LiveStateStore.HEARTBEAT_INTERVAL, audience::heartbeat, "node heartbeat"));
    }

    @PreDestroy
    void stop() {
        tasks.forEach(task -> task.cancel(false));
    }

    private ScheduledFuture<?> every(Duration interval, Runnable task, String name) {
        return every(interval, interval, task, name);
    }

    private ScheduledFuture<?> every(Duration first, Duration interval, Runnable task, String name) {
        long millis = interval.toMillis();
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // A failed round must not cancel the schedule.
                LOG.log(Level.SEVERE, name + " failed", e);
            }
        }, first.toMillis(), millis, TimeUnit.MILLISECONDS);
    }
}
